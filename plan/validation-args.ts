/**
 * Builds the arguments the policy analyzer passes to rules, and runs rules the way it does, without
 * the Pulumi CLI or a PolicyPack (whose constructor starts a gRPC server). Mirrors @pulumi/policy
 * 1.21 server.js: props wrapped in unknownCheckingProxy, notApplicable throws, an UnknownValueError
 * is reported instead of a verdict. Used by the offline plan (offline.ts) and the tests.
 */
import type {
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { isUnknownValueError, type UnknownValueError, unknownCheckingProxy } from "../policy/rules/unknowns";

/** What `args.notApplicable()` throws; the runner turns it into a "not applicable" outcome. */
export class NotApplicable extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "not applicable");
  }
}

/** A signal runResourcePolicy catches, thrown per resource per rule: no stack is worth its capture. */
function throwNotApplicable(reason?: string): never {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    throw new NotApplicable(reason);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A resource as a rule sees it, before wrapping. */
export interface ResourceInput {
  type: string;
  name: string;
  /** @default urn:pulumi:test::test::<type>::<name> */
  urn?: string;
  props: Record<string, unknown>;
  opts?: Partial<PolicyResourceOptions>;
}

/** A resource in a stack; links are by URN. */
export interface StackResourceInput extends ResourceInput {
  parent?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
}

export interface ValidationContext {
  /** The policy's config as the engine would send it. @default {} */
  config?: object;
  /** @default no tags */
  stackTags?: Record<string, string>;
}

export function urnOf(r: ResourceInput): string {
  return r.urn ?? `urn:pulumi:test::test::${r.type}::${r.name}`;
}

function options(o: Partial<PolicyResourceOptions> = {}): PolicyResourceOptions {
  return {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...o,
  };
}

/** The `__pulumiType` a resource class carries at runtime (the typings do not declare it). */
function pulumiTypeOf(cls: object): unknown {
  return Reflect.get(cls, "__pulumiType");
}

function tagMap(tags: Record<string, string> = {}): ReadonlyMap<string, string> {
  return new Map(Object.entries(tags));
}

function configGetter(config: object = {}): <T extends object>() => T {
  // The engine sends plain JSON; the caller names the shape it expects.
  return <T extends object>() => ({ ...config }) as T;
}

/** `ResourceValidationArgs` as the analyzer builds them for one resource. */
export function createResourceValidationArgs(r: ResourceInput, ctx: ValidationContext = {}): ResourceValidationArgs {
  const props = unknownCheckingProxy(r.props);
  return {
    type: r.type,
    props,
    urn: urnOf(r),
    name: r.name,
    opts: options(r.opts),
    stackTags: tagMap(ctx.stackTags),
    isType: (cls) => pulumiTypeOf(cls) === r.type,
    // Typed per call by the caller's class, exactly as the analyzer returns the same props object.
    asType: (cls) => (pulumiTypeOf(cls) === r.type ? (props as never) : undefined),
    getConfig: configGetter(ctx.config),
    notApplicable: throwNotApplicable,
  };
}

/** `StackValidationArgs` with parents and (property) dependencies resolved to resource objects. */
export function createStackValidationArgs(
  resources: StackResourceInput[],
  ctx: ValidationContext = {},
): StackValidationArgs {
  const byUrn = new Map<string, PolicyResource>();
  const built = resources.map((r) => {
    const props = unknownCheckingProxy(r.props);
    const resource: PolicyResource = {
      type: r.type,
      props,
      urn: urnOf(r),
      name: r.name,
      opts: options({ ...r.opts, parent: r.parent }),
      dependencies: [],
      propertyDependencies: {},
      isType: (cls) => pulumiTypeOf(cls) === r.type,
      asType: (cls) => (pulumiTypeOf(cls) === r.type ? (props as never) : undefined),
    };
    byUrn.set(resource.urn, resource);
    return { input: r, resource };
  });
  const resolve = (urns: string[] = []): PolicyResource[] => urns.flatMap((u) => byUrn.get(u) ?? []);
  for (const { input, resource } of built) {
    if (input.parent) resource.parent = byUrn.get(input.parent);
    resource.dependencies = resolve(input.dependencies);
    for (const [k, urns] of Object.entries(input.propertyDependencies ?? {}))
      resource.propertyDependencies[k] = resolve(urns);
  }
  return {
    resources: built.map((b) => b.resource),
    stackTags: tagMap(ctx.stackTags),
    getConfig: configGetter(ctx.config),
    notApplicable: throwNotApplicable,
  };
}

export interface ReportedViolation {
  message: string;
  urn?: string;
}

/** What running one rule produced. */
export interface PolicyOutcome {
  violations: ReportedViolation[];
  /** Set when the rule called notApplicable. */
  notApplicable?: string;
  /** Set when the rule read a value unknown during preview (the analyzer reports it as advisory). */
  unknown?: UnknownValueError;
}

async function run(
  call: (report: ReportViolation) => Promise<void> | void,
  defaultUrn?: string,
): Promise<PolicyOutcome> {
  const outcome: PolicyOutcome = { violations: [] };
  const report: ReportViolation = (message, urn) => {
    outcome.violations.push({ message, urn: urn ?? defaultUrn });
  };
  try {
    await call(report);
  } catch (e) {
    if (e instanceof NotApplicable) outcome.notApplicable = e.reason ?? "";
    else if (isUnknownValueError(e)) outcome.unknown = e;
    else throw e;
  }
  return outcome;
}

/** Runs every validation of a resource rule in order, as the analyzer does. */
export async function runResourcePolicy(
  policy: ResourceValidationPolicy,
  args: ResourceValidationArgs,
): Promise<PolicyOutcome> {
  const validations =
    policy.validateResource === undefined
      ? []
      : Array.isArray(policy.validateResource)
        ? policy.validateResource
        : [policy.validateResource];
  const outcome: PolicyOutcome = { violations: [] };
  for (const validate of validations) {
    const one = await run((report) => validate(args, report), args.urn);
    outcome.violations.push(...one.violations);
    outcome.notApplicable = outcome.notApplicable ?? one.notApplicable;
    outcome.unknown = outcome.unknown ?? one.unknown;
  }
  return outcome;
}

export async function runStackPolicy(policy: StackValidationPolicy, args: StackValidationArgs): Promise<PolicyOutcome> {
  return run((report) => policy.validateStack(args, report));
}
