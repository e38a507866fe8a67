/**
 * Small typed helpers shared by the mappers from `@pulumi/aws` inputs (camelCase, plain values once
 * the engine resolved them) to AWS SDK v3 command inputs (PascalCase, string-literal enums).
 */
import type * as pulumi from "@pulumi/pulumi";
import { dropUndefined } from "../../util/objects";

export { dropUndefined };

/** A resource's args as the backend receives them: every `Input` resolved to a plain value. */
export type Resolved<T> = pulumi.Unwrap<T>;

/** Thrown when an input holds a value the SDK enum does not have: the mapping would be wrong. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MappingError";
  }
}

/** One value of an SDK string enum (its runtime `const` object), checked. */
export function enumValue<E extends Record<string, string>>(
  values: E,
  v: string | undefined,
  field: string,
): E[keyof E] | undefined {
  if (v === undefined) return undefined;
  const allowed = Object.values(values);
  if (!allowed.includes(v)) throw new MappingError(`${field}: "${v}" is not one of ${allowed.join(", ")}`);
  return v as E[keyof E];
}

/** A list of SDK enum values, checked; undefined stays undefined. */
export function enumList<E extends Record<string, string>>(
  values: E,
  v: string[] | undefined,
  field: string,
): E[keyof E][] | undefined {
  return v?.map((x, i) => enumValue(values, x, `${field}[${i}]`) as E[keyof E]);
}

/** Drops keys whose value is undefined; undefined when nothing is left (so the SDK omits the member). */
export function compact<T extends object>(o: T): T | undefined {
  const out = dropUndefined(o);
  return Object.keys(out).length ? out : undefined;
}

/** A required string input; a clear error instead of an API call with `undefined`. */
export function required(v: string | undefined, field: string): string {
  if (v === undefined || v === "") throw new MappingError(`${field} is required`);
  return v;
}
