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

/** Knobs of the rules that apply only to production (protect, seed users, SES email). */
export const PRODUCTION_KNOBS = {
  productionStacks: list(["prod", "production"], "Stack names treated as production (read from each resource's URN)."),
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
 * Why the stack counts as production, or undefined: a stack tag (`pulumi stack tag set environment
 * prod`), a production stack name, or the resource's own tag. Stack-level signals come first so a
 * resource's tags are only read when they decide.
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
  for (const urn of urns) {
    const stack = stackOfUrn(urn);
    if (stack !== undefined && cfg.productionStacks.includes(stack))
      return `stack "${stack}" is listed in productionStacks`;
  }
  if (resourceTags) {
    const tags = resourceTags();
    const tag =
      typeof tags === "object" && tags !== null ? (tags as Record<string, unknown>)[cfg.productionTagKey] : undefined;
    if (typeof tag === "string" && values.includes(tag.toLowerCase())) return `tag ${cfg.productionTagKey}=${tag}`;
  }
  return undefined;
}
