import { didYouMean } from "../did-you-mean";
import type { SchemaAttribute } from "../schema/pool";
import { STANDARD_ATTRIBUTES } from "../schema/standard-attributes";

export { STANDARD_ATTRIBUTES };

/** The custom attribute a `custom:<name>` key refers to, if the pool defines it. */
export function customAttribute(name: string, schemas: readonly SchemaAttribute[]): SchemaAttribute | undefined {
  return name.startsWith("custom:") ? schemas.find((s) => s.name === name.slice("custom:".length)) : undefined;
}

/**
 * Why a user attribute name is not one the pool has (a standard attribute or `custom:<name>` of
 * `pool.schemas`), or undefined when it is. `extra` names more accepted keys (e.g. `username`).
 */
export function attributeNameProblem(
  name: string,
  schemas: readonly SchemaAttribute[],
  extra: readonly string[] = [],
): string | undefined {
  if (STANDARD_ATTRIBUTES.includes(name) || extra.includes(name) || customAttribute(name, schemas)) return undefined;
  const known = [...STANDARD_ATTRIBUTES, ...extra, ...schemas.map((s) => `custom:${s.name}`)];
  const hint = didYouMean(name, known);
  if (name.startsWith("custom:")) {
    const defined = schemas.map((s) => s.name).join(", ") || "none";
    return `custom attribute "${name.slice("custom:".length)}" is not defined in pool.schemas (defined: ${defined})${hint ? `; did you mean "${hint}"?` : ""}`;
  }
  return `not a standard attribute or custom:<name> of pool.schemas${hint ? `; did you mean "${hint}"?` : ""}`;
}
