import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { GroupModel } from "../config/model";
import { identityPoolTrustPolicy } from "./identity-pool";
import { applyTransform, type Transform } from "./transform";

export interface CognitoGroupsArgs {
  /** `groups` from the stack config; the key is the group name. @default the preset's Administrators, PremiumCustomers, Customers */
  groups: Record<string, GroupModel>;
  /** The user pool the resources belong to. */
  userPoolId: pulumi.Input<string>;
  /** For roles the stack creates per group (they trust the identity pool). @default none (validation requires it for `role`) */
  identityPoolId?: pulumi.Input<string>;
  /** Tags for every taggable child. @default none */
  tags?: Record<string, string>;
  /**
   * Protect and retain the groups (Pulumi `protect` + `retainOnDelete`), as the pool is kept: a
   * renamed or removed group key then fails `pulumi preview` instead of deleting the group and every
   * membership in it, and a kept pool keeps its groups. @default false
   */
  protect?: boolean;
  /** Override any child's args. @default none */
  transform?: {
    group?: Transform<aws.cognito.UserGroupArgs>;
    role?: Transform<aws.iam.RoleArgs>;
    rolePolicyAttachment?: Transform<aws.iam.RolePolicyAttachmentArgs>;
  };
}

/** IAM's `namePrefix` limit. */
const ROLE_NAME_PREFIX_MAX = 38;

/**
 * User groups with description and precedence. A group may carry an IAM role: an existing one
 * (`roleArn`) or one the stack creates (`role`) that trusts only the identity pool, only for
 * signed-in identities, with the listed managed policies. Members get it through the identity
 * pool's token role mapping (`cognito:preferred_role`, lowest precedence wins).
 *
 * A group is named by its key and Cognito cannot rename one, so a renamed key is a new group; no
 * alias can carry the memberships over. With `protect` (prod) such a rename fails the preview.
 */
export class CognitoGroups extends pulumi.ComponentResource {
  /** By group name. */
  readonly groups: Record<string, aws.cognito.UserGroup> = {};
  /** Roles the stack created, by group name. */
  readonly roles: Record<string, aws.iam.Role> = {};

  constructor(name: string, args: CognitoGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoGroups", name, {}, opts);
    const t = args.transform ?? {};
    for (const [group, g] of Object.entries(args.groups)) {
      let roleArn: pulumi.Input<string> | undefined = g.roleArn;
      if (g.role) {
        if (args.identityPoolId === undefined)
          throw new Error(
            `group ${group}: a created role needs the identity pool (config validation should have refused this)`,
          );
        const role = new aws.iam.Role(
          ...applyTransform(
            t.role,
            `${name}-${group}-role`,
            {
              // Group names can be 128 characters; IAM role names only 64.
              namePrefix: `${group.slice(0, ROLE_NAME_PREFIX_MAX - 1)}-`,
              description: `Identity pool credentials for members of the Cognito group ${group}`,
              assumeRolePolicy: identityPoolTrustPolicy(args.identityPoolId, "authenticated"),
              tags: args.tags,
            },
            { parent: this },
          ),
        );
        for (const policyArn of g.role.policyArns) {
          // Named by policy, not position, so reordering the list replaces nothing.
          const policyName = policyArn.slice(policyArn.lastIndexOf("/") + 1);
          new aws.iam.RolePolicyAttachment(
            ...applyTransform(
              t.rolePolicyAttachment,
              `${name}-${group}-${policyName}`,
              {
                role: role.name,
                policyArn,
              },
              { parent: this },
            ),
          );
        }
        this.roles[group] = role;
        roleArn = role.arn;
      }
      this.groups[group] = new aws.cognito.UserGroup(
        ...applyTransform(
          t.group,
          `${name}-${group}`,
          {
            userPoolId: args.userPoolId,
            name: group,
            description: g.description,
            precedence: g.precedence,
            roleArn,
          },
          { parent: this, protect: args.protect === true, retainOnDelete: args.protect === true },
        ),
      );
    }
    this.registerOutputs({ groupNames: Object.keys(this.groups) });
  }
}
