import type { PolicyConfigSchema } from "@pulumi/policy";

type JsonSchema = PolicyConfigSchema["properties"][string];

/** One config knob: its JSON schema (with `default`) and the same default as a typed value. */
export interface Knob<T> {
  schema: JsonSchema;
  default: T;
}

export type Knobs = Record<string, Knob<unknown>>;

/** The typed config a policy reads: every knob, filled with its default when the engine sent none. */
export type KnobValues<K extends Knobs> = { [P in keyof K]: K[P] extends Knob<infer T> ? T : never };

export function integer(
  def: number,
  description: string,
  range: { minimum?: number; maximum?: number } = {},
): Knob<number> {
  return { schema: { type: "integer", default: def, description, ...range }, default: def };
}

export function boolean(def: boolean, description: string): Knob<boolean> {
  return { schema: { type: "boolean", default: def, description }, default: def };
}

export function oneOf<T extends string>(values: readonly T[], def: T, description: string): Knob<T> {
  return { schema: { type: "string", enum: [...values], default: def, description }, default: def };
}

export function text(def: string, description: string): Knob<string> {
  return { schema: { type: "string", default: def, description }, default: def };
}

/**
 * A regular expression (applied case-insensitively). `format: "regex"` lets the CLI's schema check
 * refuse a pattern that does not compile; the offline check does the same.
 */
export function regex(def: string, description: string): Knob<string> {
  return { schema: { type: "string", format: "regex", default: def, description }, default: def };
}

export function list(def: string[], description: string, values?: readonly string[]): Knob<string[]> {
  const items: JsonSchema = values ? { type: "string", enum: [...values] } : { type: "string" };
  return { schema: { type: "array", items, default: def, description }, default: def };
}

/** The `configSchema` of a policy whose knobs are `knobs`. */
export function schemaOf(knobs: Knobs): PolicyConfigSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, knob] of Object.entries(knobs)) properties[name] = knob.schema;
  return { properties };
}

/**
 * The policy's config with every knob the engine left out set to the schema default. The CLI fills
 * schema defaults itself, but `getConfig()` returns only what the engine sent, so a policy run
 * without the CLI (tests, the offline plan, an engine without the defaults) gets the same values.
 */
export function readConfig<K extends Knobs>(knobs: K, args: { getConfig<T extends object>(): T }): KnobValues<K> {
  const given = args.getConfig<Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const [name, knob] of Object.entries(knobs)) out[name] = given[name] === undefined ? knob.default : given[name];
  return out as KnobValues<K>;
}
