/** Small object helpers shared by components/ and the emulator backend. */

/**
 * A copy without the keys whose value is `undefined`, so absent settings are absent rather than
 * present-but-undefined (outputs, SDK command inputs and deep-equal test expectations all care).
 */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
