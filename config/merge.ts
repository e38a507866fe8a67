type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Deep-merges stack values over preset values: objects merge key by key, arrays and scalars
 * replace, and `null` removes a preset entry (e.g. `clients: { service: null }`).
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    // defineProperty, not assignment: a `__proto__` key from JSON must stay a plain (rejected) key.
    else Object.defineProperty(out, k, { value: deepMerge(Object.hasOwn(base, k) ? base[k] : undefined, v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The value at a path (`clients.web.callbackUrls[0]`, `seedUsers["a@b.c"].groups`), or undefined. Own keys only. */
export function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Plain)[part];
  }
  return cur;
}

/** True when the path is set in the object (own keys only, so `toString` is never "set"). */
export function hasPath(root: unknown, path: string): boolean {
  let cur: unknown = root;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return false;
    cur = (cur as Plain)[part];
  }
  return true;
}

/** Splits a path written the way Pulumi's `--path` flag reads it: dots, `[0]` and `["key.with.dots"]`. */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  const re = /\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) parts.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3]));
  return parts;
}

/** Joins path segments the way Pulumi's `--path` flag writes them; keys with dots or brackets are quoted. */
export function joinPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, p) => {
    if (typeof p === "number") return `${acc}[${p}]`;
    const key = String(p);
    if (/[.[\]"]/.test(key)) return `${acc}["${key.replace(/["\\]/g, "\\$&")}"]`;
    return acc ? `${acc}.${key}` : key;
  }, "");
}
