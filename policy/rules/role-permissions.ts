import type { PolicyResource } from "@pulumi/policy";
import { asArray } from "./common";
import { isBroadManagedPolicy, parseDocument, type Statement, wildcardGrants } from "./iam";
import { linked, ofType, tryRead } from "./links";
import { T } from "./types";
import type { UnknownValueError } from "./unknowns";

/** One source of permissions for a role. */
export interface Grant {
  /** Where it comes from, for messages: `inline policy "x"`, `aws:iam/rolePolicy:RolePolicy y`, a policy ARN. */
  source: string;
  /** Parsed statements; undefined when the document is not a policy document or not in the stack. */
  statements?: Statement[];
  /** Set for attached managed policies the stack does not define. */
  managedPolicyArn?: string;
}

const POLICY = T.policy;

/** A managed policy attached by ARN: parsed when the stack defines it, else known by ARN only. */
function attachedPolicy(from: PolicyResource, prop: string, arn: () => unknown, policies: PolicyResource[]): Grant {
  const defined = linked(from, prop, policies, arn);
  if (defined.length > 0)
    return { source: `policy ${defined[0].name}`, statements: parseDocument(defined[0].props.policy) };
  const text = String(arn());
  return { source: `managed policy ${text}`, managedPolicyArn: text };
}

/** What a role's grants are, as far as preview can tell. */
export interface RoleGrants {
  grants: Grant[];
  /** The first value that was unknown during preview; the grants it hides are missing from `grants`. */
  unknown?: UnknownValueError;
}

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/**
 * Everything that grants the role permissions within the stack: inline policies, RolePolicy
 * resources, managed policy ARNs on the role, RolePolicyAttachment and PolicyAttachment resources.
 * Attached policies defined in the same stack are parsed; others are returned by ARN only.
 * `inlinePolicies` and `managedPolicyArns` are computed outputs, unknown on a new role during
 * preview, so every source is read on its own: what is known is returned, with the first unknown.
 */
export function roleGrants(role: PolicyResource, resources: PolicyResource[]): RoleGrants {
  const policies = ofType(resources, POLICY);
  const grants: Grant[] = [];
  let unknown: UnknownValueError | undefined;
  const read = <V>(f: () => V): V | undefined => {
    const r = tryRead(f);
    unknown = unknown ?? r.unknown;
    return r.value;
  };
  const inline = asArray(read(() => role.props.inlinePolicies));
  for (let i = 0; i < inline.length; i++) {
    const policy = read(() => field(inline[i], "policy"));
    // `[{}]` (no policy) is how the provider is told to remove every inline policy.
    if (policy === undefined || policy === null || policy === "") continue;
    const name = tryRead(() => field(inline[i], "name")).value;
    grants.push({ source: `inline policy ${JSON.stringify(name ?? "")}`, statements: parseDocument(policy) });
  }
  // A grant from another resource, if that resource refers to this role.
  const ofRole = (from: PolicyResource, prop: string, ref: () => unknown, grant: () => Grant): void => {
    const g = read(() => (linked(from, prop, [role], ref).length > 0 ? grant() : undefined));
    if (g) grants.push(g);
  };
  for (const rp of ofType(resources, T.rolePolicy)) {
    ofRole(
      rp,
      "role",
      () => rp.props.role,
      () => ({ source: `role policy ${rp.name}`, statements: parseDocument(rp.props.policy) }),
    );
  }
  const managed = asArray(read(() => role.props.managedPolicyArns));
  for (let i = 0; i < managed.length; i++) {
    const grant = read(() => attachedPolicy(role, "managedPolicyArns", () => managed[i], policies));
    if (grant) grants.push(grant);
  }
  for (const att of ofType(resources, T.rolePolicyAttachment)) {
    ofRole(
      att,
      "role",
      () => att.props.role,
      () => attachedPolicy(att, "policyArn", () => att.props.policyArn, policies),
    );
  }
  for (const att of ofType(resources, T.policyAttachment)) {
    ofRole(
      att,
      "roles",
      () => att.props.roles,
      () => attachedPolicy(att, "policyArn", () => att.props.policyArn, policies),
    );
  }
  return unknown ? { grants, unknown } : { grants };
}

/**
 * Problems every Cognito-assumed role must avoid: wildcard or NotAction grants, broad AWS managed
 * policies, and managed policies this stack does not define (their actions cannot be checked)
 * unless allowed by ARN.
 */
export function grantProblems(grants: Grant[], allowedManagedPolicyArns: string[]): string[] {
  const out: string[] = [];
  for (const g of grants) {
    if (g.managedPolicyArn !== undefined && g.statements === undefined) {
      if (isBroadManagedPolicy(g.managedPolicyArn)) out.push(`attaches the broad managed policy ${g.managedPolicyArn}`);
      else if (!allowedManagedPolicyArns.includes(g.managedPolicyArn))
        out.push(`attaches ${g.source}, which this stack does not define, so its actions cannot be checked`);
      continue;
    }
    if (g.statements === undefined) {
      out.push(`has ${g.source}, which is not a valid policy document`);
      continue;
    }
    for (const p of wildcardGrants(g.statements)) out.push(`${p} in ${g.source}`);
  }
  return out;
}
