import type { PolicyResource } from "@pulumi/policy";
import { isUnknownValueError, type UnknownValueError } from "./unknowns";

/** Reads a value that may be unknown during preview without failing the whole policy. */
export function tryRead<T>(read: () => T): { value?: T; unknown?: UnknownValueError } {
  try {
    return { value: read() };
  } catch (e) {
    if (isUnknownValueError(e)) return { unknown: e };
    throw e;
  }
}

export function ofType(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
  return resources.filter((r) => types.includes(r.type));
}

/**
 * A reference (or any entry of a list of references) equals an identifier, or names the resource at
 * the end of an ARN (`.../name`).
 */
function refersTo(ref: unknown, id: unknown): boolean {
  if (Array.isArray(ref)) return ref.some((r) => refersTo(r, id));
  if (typeof ref !== "string" || typeof id !== "string" || ref === "") return false;
  return ref === id || (id.startsWith("arn:") && id.endsWith(`/${ref}`));
}

/** Output names other resources use to refer to a resource: `id`, `name`, `arn`. */
export const IDENTIFIERS = ["id", "name", "arn"];

/**
 * The candidates that a reference on `from` (read by `ref`, found under `prop` in the engine's
 * property dependencies) points at. During `up` the reference equals a candidate's id, name or ARN.
 * During preview either side may be unknown; then the property's dependencies, if the engine
 * recorded any for it, decide; else plain dependencies link them. If nothing links and something
 * read was unknown, the UnknownValueError is rethrown so the engine reports "can't run during
 * preview" instead of a false violation.
 */
export function linked(
  from: PolicyResource,
  prop: string,
  candidates: PolicyResource[],
  ref: () => unknown,
): PolicyResource[] {
  const value = tryRead(ref);
  let unknown = value.unknown;
  const matches = new Set<PolicyResource>();
  for (const c of candidates) {
    if (value.value === undefined) break;
    for (const key of IDENTIFIERS) {
      const id = tryRead(() => c.props[key]);
      unknown = unknown ?? id.unknown;
      const hit = tryRead(() => refersTo(value.value, id.value));
      unknown = unknown ?? hit.unknown;
      if (hit.value) matches.add(c);
    }
  }
  if (matches.size > 0) return [...matches];
  // Known values that match nothing are definitive; dependencies only stand in for unknown values.
  if (!unknown) return [];
  // The engine records which resources fed the property: when it names any, they are the whole
  // answer, even if none is a candidate (the value came from elsewhere).
  const fed = from.propertyDependencies[prop] ?? [];
  if (fed.length > 0) return fed.filter((d) => candidates.includes(d));
  const deps = from.dependencies.filter((d) => candidates.includes(d));
  if (deps.length > 0) return deps;
  throw unknown;
}
