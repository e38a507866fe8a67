/**
 * Runs the pack over an offline run (offline/runner.ts) with a stack's policy config, resolving
 * enforcement levels and config defaults the way the Pulumi engine does. Never constructs the
 * PolicyPack (that starts a server): it imports the rules directly.
 */
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import { type RecordedResource, resourceKey } from "../offline/recorded-resource";
import type { RunResult } from "../offline/runner";
import { type CognitoRule, RULES } from "../policy/rules";
import { DependencyIndex } from "./dependency-index";
import {
  createResourceValidationArgs,
  createStackValidationArgs,
  type PolicyOutcome,
  type ResourceInput,
  runResourcePolicy,
  runStackPolicy,
  type StackResourceInput,
} from "./validation-args";

export interface Violation {
  policy: string;
  /** `remediate` is reported as mandatory, as the engine does once remediation is done. */
  level: "mandatory" | "advisory";
  severity: Severity;
  /** URN of the resource, or null for the stack as a whole. */
  resource: string | null;
  message: string;
}

/** A policy config file: `all` and per-policy entries, each a level or `{ enforcementLevel?, ...knobs }`. */
export type PolicyConfig = Record<string, unknown>;

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Thrown for a config file that names an unknown policy or knob, or has a wrong type. */
export class PolicyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `policy config has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "PolicyConfigError";
  }
}

function entry(config: PolicyConfig, name: string): { level?: EnforcementLevel; knobs: Record<string, unknown> } {
  const v = config[name];
  if (typeof v === "string") return { level: v as EnforcementLevel, knobs: {} };
  if (typeof v !== "object" || v === null) return { knobs: {} };
  const { enforcementLevel, ...knobs } = v as Record<string, unknown>;
  return { level: typeof enforcementLevel === "string" ? (enforcementLevel as EnforcementLevel) : undefined, knobs };
}

/** The policy's own entry, then `all`, then the policy's default, then the pack default (advisory). */
export function effectiveLevel(rule: CognitoRule, config: PolicyConfig): EnforcementLevel {
  return entry(config, rule.name).level ?? entry(config, "all").level ?? rule.enforcementLevel ?? "advisory";
}

/** The config the engine sends a policy: schema defaults, overridden by the file's knobs. */
export function effectiveConfig(rule: CognitoRule, config: PolicyConfig): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(rule.configSchema.properties))
    if (schema.default !== undefined) defaults[k] = schema.default;
  return { ...defaults, ...entry(config, rule.name).knobs };
}

function typeOk(value: unknown, type: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

type JsonSchema = CognitoRule["configSchema"]["properties"][string];

function describeType(type: unknown): string {
  return Array.isArray(type) ? type.join(" or ") : String(type);
}

/** What the CLI's JSON-schema check would refuse in one knob's value. */
function knobProblems(where: string, v: unknown, schema: JsonSchema): string[] {
  if (!typeOk(v, schema.type)) return [`${where}: must be ${describeType(schema.type)}, got ${JSON.stringify(v)}`];
  if (schema.enum && !schema.enum.includes(v as never))
    return [`${where}: must be one of ${JSON.stringify(schema.enum)}`];
  const out: string[] = [];
  if (typeof v === "number" && typeof schema.minimum === "number" && v < schema.minimum)
    out.push(`${where}: must be at least ${schema.minimum}, got ${v}`);
  if (typeof v === "number" && typeof schema.maximum === "number" && v > schema.maximum)
    out.push(`${where}: must be at most ${schema.maximum}, got ${v}`);
  if (typeof v === "string" && schema.format === "regex") {
    try {
      new RegExp(v, "i");
    } catch (e) {
      out.push(
        `${where}: ${JSON.stringify(v)} is not a valid regular expression (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }
  const items = schema.items;
  if (Array.isArray(v) && typeof items === "object" && items !== null && !Array.isArray(items)) {
    for (const item of v) {
      if (!typeOk(item, items.type)) out.push(`${where}: ${JSON.stringify(item)} is not ${describeType(items.type)}`);
      else if (items.enum && !items.enum.includes(item as never))
        out.push(`${where}: ${JSON.stringify(item)} is not one of ${JSON.stringify(items.enum)}`);
    }
  }
  return out;
}

/**
 * Checks a config file against the pack as the CLI's JSON-schema check does: known policies and
 * knobs, valid levels, and each knob's type, enum, range, pattern syntax and item types.
 */
export function validatePolicyConfig(config: unknown, rules: CognitoRule[] = RULES): string[] {
  if (typeof config !== "object" || config === null || Array.isArray(config))
    return ["the config must be a JSON object"];
  const problems: string[] = [];
  const byName = new Map(rules.map((r) => [r.name, r]));
  for (const [name, value] of Object.entries(config)) {
    const rule = byName.get(name);
    if (name !== "all" && !rule) {
      problems.push(`${name}: no such policy in the pack`);
      continue;
    }
    const { level, knobs } = entry(config as PolicyConfig, name);
    if (typeof value !== "string" && (typeof value !== "object" || value === null))
      problems.push(`${name}: must be an enforcement level or an object`);
    if (isObject(value) && "enforcementLevel" in value && typeof value.enforcementLevel !== "string") {
      problems.push(
        `${name}.enforcementLevel: must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(value.enforcementLevel)}`,
      );
    }
    if (level !== undefined && !LEVELS.includes(level))
      problems.push(`${name}: enforcement level ${JSON.stringify(level)} is not one of ${LEVELS.join(", ")}`);
    if (name === "all") {
      if (Object.keys(knobs).length > 0) problems.push(`all: takes only an enforcement level`);
      continue;
    }
    const properties = rule?.configSchema.properties ?? {};
    for (const [knob, v] of Object.entries(knobs)) {
      const schema = properties[knob];
      if (!schema)
        problems.push(`${name}.${knob}: no such setting (settings: ${Object.keys(properties).join(", ") || "none"})`);
      else problems.push(...knobProblems(`${name}.${knob}`, v, schema));
    }
  }
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Stack tags the Pulumi service sets on every stack; user tags (e.g. environment) come from options. */
function stackTagsFor(extra: Record<string, string> = {}): Record<string, string> {
  return { "pulumi:project": "cognito-auth", "pulumi:runtime": "nodejs", ...extra };
}

function toViolations(
  rule: CognitoRule,
  level: EnforcementLevel,
  outcome: PolicyOutcome,
  urn: string | null,
): Violation[] {
  const lv = level === "advisory" ? "advisory" : "mandatory";
  const base = { policy: rule.name, severity: rule.severity };
  const out: Violation[] = outcome.violations.map((v) => ({
    ...base,
    level: lv,
    resource: v.urn ?? urn,
    message: v.message,
  }));
  // As the analyzer does: a rule that hit an unknown value warns, whatever its level.
  if (outcome.unknown)
    out.push({
      ...base,
      level: "advisory",
      resource: urn,
      message: `can't run policy ${rule.name} during preview: ${outcome.unknown.message}`,
    });
  return out;
}

/**
 * What the analyzer would be sent for a run: each resource's inputs (for resource rules), and each
 * resource's outputs with parent, dependencies and property dependencies (for stack rules).
 */
export function analyzerInputs(run: RunResult): { resources: ResourceInput[]; stack: StackResourceInput[] } {
  const urns = new Map(run.resources.map((r) => [resourceKey(r), r.urn]));
  const parentUrn = (r: RecordedResource) => (r.parent ? urns.get(r.parent) : undefined);
  const resources: ResourceInput[] = run.resources.map((r) => ({
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.inputs,
    opts: { protect: r.protect, deleteBeforeReplace: r.deleteBeforeReplace, parent: parentUrn(r) },
  }));
  // The runner records only values, so an input that holds another resource's id, or contains its
  // ARN, is taken to depend on it.
  const index = new DependencyIndex(run.resources, urns);
  const stack: StackResourceInput[] = run.resources.map((r, i) => {
    const propertyDependencies = index.propertyDependencies(r);
    const explicit = r.dependsOn.flatMap((d) => urns.get(d) ?? []);
    return {
      ...resources[i],
      // Stack policies see outputs; the bridge includes `id` among them.
      props: r.custom ? { id: r.id, ...r.state } : r.inputs,
      parent: parentUrn(r),
      dependencies: [...new Set([...explicit, ...Object.values(propertyDependencies).flat()])],
      propertyDependencies,
    };
  });
  return { resources, stack };
}

export interface EvaluateOptions {
  /** User stack tags (`pulumi stack tag set`). @default none */
  stackTags?: Record<string, string>;
  /** @default every rule of the pack */
  rules?: CognitoRule[];
}

/** Every violation the pack reports for an offline run under a stack's policy config. */
export async function evaluatePolicies(
  run: RunResult,
  stackConfig: object,
  options: EvaluateOptions = {},
): Promise<Violation[]> {
  return evaluateAnalyzerInputs(analyzerInputs(run), stackConfig, options);
}

/**
 * Every violation the pack reports for analyzer inputs as `analyzerInputs` builds them, or as a
 * test changes them (e.g. with the values a preview would not know yet).
 */
export async function evaluateAnalyzerInputs(
  inputs: { resources: ResourceInput[]; stack: StackResourceInput[] },
  stackConfig: object,
  options: EvaluateOptions = {},
): Promise<Violation[]> {
  const rules = options.rules ?? RULES;
  const problems = validatePolicyConfig(stackConfig, rules);
  if (problems.length > 0) throw new PolicyConfigError(problems);
  const config = stackConfig as PolicyConfig;
  const stackTags = stackTagsFor(options.stackTags);

  const violations: Violation[] = [];
  for (const rule of rules) {
    const level = effectiveLevel(rule, config);
    if (level === "disabled") continue;
    const ctx = { config: effectiveConfig(rule, config), stackTags };
    if ("validateStack" in rule) {
      violations.push(
        ...toViolations(rule, level, await runStackPolicy(rule, createStackValidationArgs(inputs.stack, ctx)), null),
      );
    } else {
      for (const r of inputs.resources) {
        violations.push(
          ...toViolations(
            rule,
            level,
            await runResourcePolicy(rule, createResourceValidationArgs(r, ctx)),
            r.urn ?? null,
          ),
        );
      }
    }
  }
  return violations;
}
