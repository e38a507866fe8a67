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
    else out[k] = deepMerge(base[k], v);
  }
  return out;
}

/** The value at a dotted/indexed path (`clients.web.callbackUrls[0]`), or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Plain)[part];
  }
  return cur;
}

/** True when the path (or one of its ancestors) is set in the object. */
export function hasPath(root: unknown, path: string): boolean {
  let cur: unknown = root;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== "object" || !(part in (cur as Plain))) return false;
    cur = (cur as Plain)[part];
  }
  return true;
}

export function splitPath(path: string): string[] {
  return path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
}

/** Joins path segments the way Pulumi's `--path` flag writes them. */
export function joinPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}
