/**
 * Property paths in the runner's notation (`a.b`, `a[0].c`, as in `secretPaths`): which leaves
 * differ between two input bags, and what stands at a path.
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * The paths where `a` and `b` differ: leaves of objects, and elements of lists of the same length
 * (a list that grew or shrank is one path). `null` and a missing value are the same (no value).
 */
export function changedPaths(a: unknown, b: unknown, path = ""): string[] {
  const x = a ?? undefined;
  const y = b ?? undefined;
  if (x === y) return [];
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return [path];
    return x.flatMap((v, i) => changedPaths(v, y[i], `${path}[${i}]`));
  }
  if (isObject(x) && isObject(y)) {
    const keys = [...Object.keys(x), ...Object.keys(y).filter((k) => !(k in x))];
    return keys.flatMap((k) => changedPaths(x[k], y[k], join(path, k)));
  }
  return [path];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return changedPaths(a, b).length === 0;
}

/** The value at a path (`a.b[0].c`), or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  if (path === "") return value;
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let v: unknown = value;
  for (const step of steps) {
    if (step.startsWith("[")) v = Array.isArray(v) ? v[Number(step.slice(1, -1))] : undefined;
    else v = isObject(v) ? v[step] : undefined;
  }
  return v;
}

/** Every leaf string with its path, for finding references to another resource's id or ARN. */
export function stringLeaves(value: unknown, path = ""): { path: string; value: string }[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, join(path, k)));
  return [];
}
