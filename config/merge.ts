import { setOwn } from "../util/objects";

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Deep-merges stack values over preset values: objects merge key by key, arrays and scalars
 * replace, and `null` removes a preset entry (e.g. `clients: { service: null }`). The result shares
 * nothing with its inputs, so writing into it (client kinds, repairs) never changes a preset.
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  return structuredClone(merge(base, over));
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else setOwn(out, k, merge(Object.hasOwn(base, k) ? base[k] : undefined, v));
  }
  return out;
}
