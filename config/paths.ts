/** Config key paths, written the way Pulumi's `--path` flag reads and writes them. */
import { setOwn } from "../util/objects";

type Plain = Record<string, unknown>;

/** Splits `a.b[0]` and `seedUsers["a@b.c"].groups` into their keys. */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  const re = /\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path))
    parts.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3]));
  return parts;
}

/** Joins keys into a path; keys with dots or brackets are quoted. */
export function joinPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((acc, p) => {
    if (typeof p === "number") return `${acc}[${p}]`;
    const key = String(p);
    if (/[.[\]"]/.test(key)) return `${acc}["${key.replace(/["\\]/g, "\\$&")}"]`;
    return acc ? `${acc}.${key}` : key;
  }, "");
}

/** Follows own keys only, so `toString` or `constructor` is never "set". */
function lookup(root: unknown, parts: string[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const part of parts) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return { found: false, value: undefined };
    cur = (cur as Plain)[part];
  }
  return { found: true, value: cur };
}

/** The value at a path, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  return lookup(root, splitPath(path)).value;
}

/** True when the path is set in the object. */
export function hasPath(root: unknown, path: string): boolean {
  return lookup(root, splitPath(path)).found;
}

/** Sets (a copy of) `value` at a path whose parent exists; `undefined` removes the key or array entry. */
export function setPath(root: unknown, path: string, value: unknown): void {
  const parts = splitPath(path);
  const parent = lookup(root, parts.slice(0, -1)).value;
  if (typeof parent !== "object" || parent === null) return;
  const last = parts[parts.length - 1];
  if (value !== undefined) setOwn(parent, last, structuredClone(value));
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Plain)[last];
}
