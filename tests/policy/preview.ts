/**
 * What the analyzer is sent during the first `pulumi preview` of a stack: the offline run's analyzer
 * inputs, with every value the engine cannot know before the resources exist replaced by the
 * unknown sentinel. Unknown are: each resource's id, every computed output it was not given as an
 * input (ARNs, random results, `inlinePolicies` of a role ...), and every input that holds one of
 * those values, in whole or in part (a trust document built from an identity pool id, a client's
 * userPoolId). Known are: inputs built from config and invokes (the account id, the region) and
 * auto-names, which the engine picks before the preview. Which resource fed which input stays as
 * the offline evaluator infers it, since the engine records that during preview too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OFFLINE_ACCOUNT } from "../../offline/backend";
import type { RecordedResource } from "../../offline/recorded-resource";
import type { RunResult } from "../../offline/runner";
import { analyzerInputs } from "../../plan/evaluate-policies";
import type { ResourceInput, StackResourceInput } from "../../plan/validation-args";
import { UNKNOWN } from "./harness";

/** The engine marshals an unknown computed value as this sentinel, whatever its eventual type. */
export const PREVIEW_UNKNOWN = UNKNOWN.string;

const PACKAGE_DIRS: Record<string, string> = {
  aws: path.dirname(require.resolve("@pulumi/aws/package.json")),
  random: path.dirname(require.resolve("@pulumi/random/package.json")),
};

/**
 * Outputs a resource type always has (typed `Output<T>`, not `Output<T | undefined>`, in the
 * provider SDK): required inputs and computed attributes. Those not among a resource's inputs are
 * computed by the provider, so unknown until it runs.
 */
export function alwaysPresentOutputs(type: string): string[] {
  const m = /^(aws|random):([^/]+)\/([^:]+):/.exec(type);
  if (!m) return [];
  const file =
    m[1] === "aws" ? path.join(PACKAGE_DIRS.aws, m[2], `${m[3]}.d.ts`) : path.join(PACKAGE_DIRS.random, `${m[3]}.d.ts`);
  if (!fs.existsSync(file)) throw new Error(`no typings for ${type} at ${file}`);
  const declared = fs.readFileSync(file, "utf8").matchAll(/^\s+readonly ([A-Za-z0-9]+): pulumi\.Output<([^;]*)>;$/gm);
  return [...declared].filter((d) => !d[2].includes("| undefined")).map((d) => d[1]);
}

function leaves(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) leaves(x, out);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) leaves(x, out);
  return out;
}

/**
 * The values only the provider produces: ids and string leaves of computed attributes, unless they
 * repeat an input of the same resource (a Route 53 record's fqdn is its name). The account id is
 * left out: the program takes it from getCallerIdentity, an invoke that runs during preview too.
 */
export function computedValues(run: RunResult): Set<string> {
  const out = new Set<string>();
  for (const r of run.resources.filter((x) => x.custom)) {
    const given = new Set(leaves(r.inputs));
    // An id that repeats an input (an SES identity's id is its domain) says nothing about where a
    // copy of that value elsewhere came from; the config holds it too.
    if (typeof r.id === "string" && r.id.length >= 6 && !given.has(r.id)) out.add(r.id);
    for (const [k, v] of Object.entries(r.state)) {
      if (k === "name" || k in r.inputs) continue;
      for (const leaf of leaves(v)) if (leaf.length >= 6 && !given.has(leaf) && leaf !== OFFLINE_ACCOUNT) out.add(leaf);
    }
  }
  return out;
}

/** `value` with every string that contains a computed value replaced by the sentinel. */
function unknownWhereComputed(value: unknown, computed: Set<string>): unknown {
  if (typeof value === "string") return [...computed].some((c) => value.includes(c)) ? PREVIEW_UNKNOWN : value;
  if (Array.isArray(value)) return value.map((x) => unknownWhereComputed(x, computed));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, unknownWhereComputed(x, computed)]));
  }
  return value;
}

/** A custom resource's outputs as a create's preview plans them: inputs as given, the rest unknown. */
function plannedOutputs(r: RecordedResource, computed: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: PREVIEW_UNKNOWN };
  for (const [k, v] of Object.entries(r.state)) {
    if (k in r.inputs) out[k] = unknownWhereComputed(v, computed);
    // An auto-name is chosen before the preview.
    else if (k === "name") out[k] = v;
    else out[k] = PREVIEW_UNKNOWN;
  }
  for (const k of alwaysPresentOutputs(r.type)) if (!(k in out)) out[k] = PREVIEW_UNKNOWN;
  return out;
}

/** The analyzer's inputs for a first preview of the run's stack. */
export function previewInputs(run: RunResult): { resources: ResourceInput[]; stack: StackResourceInput[] } {
  const computed = computedValues(run);
  const { resources, stack } = analyzerInputs(run);
  const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
  const recordOf = (urn: string | undefined): RecordedResource => {
    const r = urn === undefined ? undefined : byUrn.get(urn);
    if (!r) throw new Error(`no recorded resource for ${urn}`);
    return r;
  };
  return {
    resources: resources.map((r) => ({
      ...r,
      props: unknownWhereComputed(r.props, computed) as Record<string, unknown>,
    })),
    stack: stack.map((s) => {
      const r = recordOf(s.urn);
      return {
        ...s,
        props: r.custom
          ? plannedOutputs(r, computed)
          : (unknownWhereComputed(s.props, computed) as Record<string, unknown>),
      };
    }),
  };
}
