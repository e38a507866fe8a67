/** Small object helpers shared by components/ and the emulator backend. */

/**
 * A copy without the keys whose value is `undefined`, so absent settings are absent rather than
 * present-but-undefined (outputs, SDK command inputs and deep-equal test expectations all care).
 */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Sets an own property. Unlike assignment, a key named `__proto__` (which JSON can carry) stays a
 * plain key, so config validation rejects it as unknown instead of it replacing the prototype.
 */
export function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
