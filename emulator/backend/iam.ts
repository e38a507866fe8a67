/**
 * `aws.iam.Role`, `aws.iam.RolePolicy` and `aws.iam.RolePolicyAttachment` inputs -> CreateRole,
 * PutRolePolicy and AttachRolePolicy. Inline `inlinePolicies` and `managedPolicyArns` on the role
 * become extra PutRolePolicy / AttachRolePolicy calls, as the provider makes them.
 */

import type {
  AttachRolePolicyCommandInput,
  CreateRoleCommandInput,
  PutRolePolicyCommandInput,
} from "@aws-sdk/client-iam";
import type * as aws from "@pulumi/aws";
import { dropUndefined, MappingError, type Resolved, required } from "./convert";

export type RoleInputs = Resolved<aws.iam.RoleArgs>;
export type RolePolicyInputs = Resolved<aws.iam.RolePolicyArgs>;
export type RolePolicyAttachmentInputs = Resolved<aws.iam.RolePolicyAttachmentArgs>;

export interface RoleCommands {
  create: CreateRoleCommandInput;
  inlinePolicies: PutRolePolicyCommandInput[];
  attachments: AttachRolePolicyCommandInput[];
}

/** Policies arrive as JSON strings, or as objects when a program passed one; IAM wants a string. */
export function policyDocument(v: unknown, field: string): string {
  if (typeof v === "string" && v.trim()) return v;
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  throw new MappingError(`${field} is required`);
}

/**
 * The role name: the given one, else `<namePrefix><suffix>`, else `<logical name>-<suffix>` the way
 * Pulumi auto-names, cut to IAM's 64 characters.
 */
export function roleName(i: RoleInputs, logicalName: string, suffix: string): string {
  if (i.name) return i.name;
  const base = i.namePrefix ?? `${logicalName}-`;
  return `${base.slice(0, 64 - suffix.length)}${suffix}`;
}

export function roleCommands(i: RoleInputs, name: string): RoleCommands {
  const tags = i.tags ? Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })) : undefined;
  const create: CreateRoleCommandInput = {
    RoleName: name,
    AssumeRolePolicyDocument: policyDocument(i.assumeRolePolicy, "assumeRolePolicy"),
    Path: i.path,
    Description: i.description,
    MaxSessionDuration: i.maxSessionDuration,
    PermissionsBoundary: i.permissionsBoundary,
    Tags: tags?.length ? tags : undefined,
  };
  return {
    create: dropUndefined(create),
    inlinePolicies: (i.inlinePolicies ?? [])
      .filter((p) => p.policy)
      .map((p, n) => ({
        RoleName: name,
        PolicyName: required(p.name, `inlinePolicies[${n}].name`),
        PolicyDocument: policyDocument(p.policy, `inlinePolicies[${n}].policy`),
      })),
    attachments: (i.managedPolicyArns ?? []).map((PolicyArn) => ({ RoleName: name, PolicyArn })),
  };
}

/** `role` is typed `string | Role`; on the wire a Role reference is already its name (the id). */
function roleRef(v: unknown, field: string): string {
  return required(typeof v === "string" ? v : undefined, field);
}

export function rolePolicyCommand(i: RolePolicyInputs, policyName: string): PutRolePolicyCommandInput {
  return {
    RoleName: roleRef(i.role, "role"),
    PolicyName: policyName,
    PolicyDocument: policyDocument(i.policy, "policy"),
  };
}

export function rolePolicyAttachmentCommand(i: RolePolicyAttachmentInputs): AttachRolePolicyCommandInput {
  return { RoleName: roleRef(i.role, "role"), PolicyArn: required(i.policyArn, "policyArn") };
}
