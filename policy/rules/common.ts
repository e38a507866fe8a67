import type * as aws from "@pulumi/aws";
import type {
  Policy,
  ResourceValidation,
  ResourceValidationPolicy,
  StackValidationPolicy,
  TypedResourceValidation,
} from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import { type KnobValues, list, text } from "./knobs";
import { T } from "./types";

/**
 * Every rule in this pack carries its default level, severity (from its sources), remediation
 * steps, a config schema and, as tags, the IDs of the public rules it implements.
 */
export type CognitoRule = (ResourceValidationPolicy | StackValidationPolicy) &
  Required<Pick<Policy, "description" | "enforcementLevel" | "severity" | "configSchema" | "remediationSteps">> & {
    tags: string[];
  };

export type ClientProps = Unwrap<aws.cognito.UserPoolClientArgs>;

const CLIENT_TYPES: string[] = [T.userPoolClient, T.managedUserPoolClient];

/** Like `validateResourceOfType`, for both app client types (`UserPoolClient`, `ManagedUserPoolClient`). */
export function validateClient(validate: TypedResourceValidation<ClientProps>): ResourceValidation {
  return (args, report) => {
    if (!CLIENT_TYPES.includes(args.type))
      return args.notApplicable(`Policy only applies to resources of type ${CLIENT_TYPES.join(" or ")}`);
    // Both types take the same client arguments; ManagedUserPoolClient only adds name prefixes.
    return validate(args.props as ClientProps, args, report);
  };
}

/** Cognito enums compared without case, as cfn_nag does (`Off`, `off` and `OFF` all mean OFF). */
export function upper(v: unknown): string | undefined {
  return typeof v === "string" ? v.toUpperCase() : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** A number, also when written as a numeric string (Pulumi coerces those for number inputs). */
export function num(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

/** `true`, also when written as a string in any case ("TRUE"), as Pulumi coerces those for booleans. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.toLowerCase() === "true");
}

export function isFalse(v: unknown): boolean {
  return v === false || (typeof v === "string" && v.toLowerCase() === "false");
}

export function show(v: unknown): string {
  return v === undefined ? "(not set)" : JSON.stringify(v);
}

/** Stack names (glob patterns) that count as production when no stack tag says otherwise. */
export const DEFAULT_PRODUCTION_STACKS = ["prod", "prod-*", "*-prod", "production", "production-*", "live", "live-*"];

/** A `productionStacks` entry as a regular expression: `*` any run, `?` one character, the rest literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/** The first `productionStacks` entry the stack name matches, or undefined. */
export function matchingStackPattern(stack: string, patterns: string[]): string | undefined {
  return patterns.find((p) => globToRegExp(p).test(stack));
}

/** Knobs of the rules that apply only to production (protect, seed users, SES email). */
export const PRODUCTION_KNOBS = {
  productionStacks: list(
    [...DEFAULT_PRODUCTION_STACKS],
    "Stack names treated as production (read from each resource's URN); `*` matches any run of characters, `?` one character, case-insensitive (e.g. prod-* for prod-eu).",
  ),
  productionTagKey: text("environment", "Stack tag and resource tag whose value marks production."),
  productionTagValues: list(
    ["prod", "production"],
    "Values of productionTagKey that mean production (case-insensitive).",
  ),
};

export type ProductionConfig = KnobValues<typeof PRODUCTION_KNOBS>;

export function stackOfUrn(urn: string): string | undefined {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}

/**
 * Why the stack counts as production, or undefined. The signals, in this order (the first that
 * says production wins; policy/README.md documents it):
 * 1. the stack tag `productionTagKey` (`pulumi stack tag set environment production`) with a value
 *    in `productionTagValues`;
 * 2. the resource's own `tags[productionTagKey]` (the pool's tag, for rules that read one);
 * 3. the stack name (from the URN) matching a `productionStacks` pattern (`prod-*`).
 * Any signal makes the stack production; the order decides which one the violation quotes, so a
 * team can see why its stack was judged as production. The stack tag comes first so a resource's
 * tags, which may be unknown during preview, are only read when they decide.
 */
export function productionReason(
  cfg: ProductionConfig,
  stackTags: ReadonlyMap<string, string>,
  urns: string[],
  resourceTags?: () => unknown,
): string | undefined {
  const values = cfg.productionTagValues.map((v) => v.toLowerCase());
  const stackTag = stackTags.get(cfg.productionTagKey);
  if (stackTag !== undefined && values.includes(stackTag.toLowerCase()))
    return `stack tag ${cfg.productionTagKey}=${stackTag}`;
  // Tags unknown during preview do not hide a stack name that decides; they are rethrown otherwise.
  let unreadable: unknown;
  if (resourceTags) {
    try {
      const tags = resourceTags();
      const tag =
        typeof tags === "object" && tags !== null ? (tags as Record<string, unknown>)[cfg.productionTagKey] : undefined;
      if (typeof tag === "string" && values.includes(tag.toLowerCase()))
        return `resource tag ${cfg.productionTagKey}=${tag}`;
    } catch (e) {
      unreadable = e;
    }
  }
  for (const urn of urns) {
    const stack = stackOfUrn(urn);
    const pattern = stack === undefined ? undefined : matchingStackPattern(stack, cfg.productionStacks);
    if (stack !== undefined && pattern !== undefined)
      return pattern === stack
        ? `stack "${stack}" is listed in productionStacks`
        : `stack "${stack}" matches productionStacks pattern "${pattern}"`;
  }
  if (unreadable !== undefined) throw unreadable;
  return undefined;
}
