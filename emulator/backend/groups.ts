/** `aws.cognito.UserGroup` and `aws.cognito.UserInGroup` inputs -> CreateGroup and AdminAddUserToGroup. */

import type {
  AdminAddUserToGroupCommandInput,
  CreateGroupCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { dropUndefined, type Resolved, required } from "./convert";

export type UserGroupInputs = Resolved<aws.cognito.UserGroupArgs>;
export type UserInGroupInputs = Resolved<aws.cognito.UserInGroupArgs>;

export function userGroupCommand(i: UserGroupInputs, fallbackName: string): CreateGroupCommandInput {
  const input: CreateGroupCommandInput = {
    GroupName: i.name ?? fallbackName,
    UserPoolId: required(i.userPoolId, "userPoolId"),
    Description: i.description,
    RoleArn: i.roleArn,
    Precedence: i.precedence,
  };
  return dropUndefined(input);
}

export function userInGroupCommand(i: UserInGroupInputs): AdminAddUserToGroupCommandInput {
  return {
    UserPoolId: required(i.userPoolId, "userPoolId"),
    Username: required(i.username, "username"),
    GroupName: required(i.groupName, "groupName"),
  };
}
