import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { GroupConfig } from "../config/schema/groups";
import { Transform } from "./transform";

export interface CognitoGroupsArgs {
  /** `groups` from the stack config; the key is the group name. */
  groups: Record<string, GroupConfig>;
  userPoolId: pulumi.Input<string>;
  /** For roles the stack creates per group (they trust the identity pool). */
  identityPoolId?: pulumi.Input<string>;
  tags?: Record<string, string>;
  transform?: { group?: Transform<aws.cognito.UserGroupArgs>; role?: Transform<aws.iam.RoleArgs> };
}

/** TODO(issue 3): groups with precedence and optional IAM roles. */
export class CognitoGroups extends pulumi.ComponentResource {
  /** By group name. */
  readonly groups: Record<string, aws.cognito.UserGroup> = {};

  constructor(name: string, args: CognitoGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoGroups", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
