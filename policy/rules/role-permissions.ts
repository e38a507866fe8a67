import type { PolicyResource } from "@pulumi/policy";
import { asArray } from "./common";
import { isBroadManagedPolicy, parseDocument, Statement, wildcardGrants } from "./iam";
import { linked, ofType } from "./links";
import { T } from "./types";

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
  if (defined.length > 0) return { source: `policy ${defined[0].name}`, statements: parseDocument(defined[0].props.policy) };
  const text = String(arn());
  return { source: `managed policy ${text}`, managedPolicyArn: text };
}

/**
 * Everything that grants the role permissions within the stack: inline policies, RolePolicy
 * resources, managed policy ARNs on the role, RolePolicyAttachment and PolicyAttachment resources.
 * Attached policies defined in the same stack are parsed; others are returned by ARN only.
 */
export function roleGrants(role: PolicyResource, resources: PolicyResource[]): Grant[] {
  const policies = ofType(resources, POLICY);
  const grants: Grant[] = [];
  for (const p of asArray(role.props.inlinePolicies)) {
    const inline = typeof p === "object" && p !== null ? p as Record<string, unknown> : {};
    grants.push({ source: `inline policy ${JSON.stringify(inline.name ?? "")}`, statements: parseDocument(inline.policy) });
  }
  for (const rp of ofType(resources, T.rolePolicy)) {
    if (linked(rp, "role", [role], () => rp.props.role).length > 0) grants.push({ source: `role policy ${rp.name}`, statements: parseDocument(rp.props.policy) });
  }
  const managed = asArray(role.props.managedPolicyArns);
  for (let i = 0; i < managed.length; i++) grants.push(attachedPolicy(role, "managedPolicyArns", () => managed[i], policies));
  for (const att of ofType(resources, T.rolePolicyAttachment)) {
    if (linked(att, "role", [role], () => att.props.role).length > 0) grants.push(attachedPolicy(att, "policyArn", () => att.props.policyArn, policies));
  }
  for (const att of ofType(resources, T.policyAttachment)) {
    if (linked(att, "roles", [role], () => att.props.roles).length > 0) grants.push(attachedPolicy(att, "policyArn", () => att.props.policyArn, policies));
  }
  return grants;
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
      else if (!allowedManagedPolicyArns.includes(g.managedPolicyArn)) out.push(`attaches ${g.source}, which this stack does not define, so its actions cannot be checked`);
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
