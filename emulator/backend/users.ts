/**
 * `aws.cognito.User` inputs -> AdminCreateUser, then AdminSetUserPassword when a permanent
 * `password` is set and AdminDisableUser when `enabled` is false (what the provider does).
 */

import {
  type AdminCreateUserCommandInput,
  type AdminDisableUserCommandInput,
  type AdminSetUserPasswordCommandInput,
  type AttributeType,
  DeliveryMediumType,
  MessageActionType,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { STANDARD_ATTRIBUTES } from "../../config/model";
import { dropUndefined, enumList, enumValue, type Resolved, required } from "./convert";

export type UserInputs = Resolved<aws.cognito.UserArgs>;

export interface UserCommands {
  create: AdminCreateUserCommandInput;
  setPassword?: AdminSetUserPasswordCommandInput;
  disable?: AdminDisableUserCommandInput;
}

/** Cognito's standard attributes (and its own `sub`); any other name in `attributes` is a custom one. */
const STANDARD_OR_SUB: readonly string[] = [...STANDARD_ATTRIBUTES, "sub"];

/**
 * The provider takes custom attributes without their `custom:` prefix (it reads them back that
 * way) and adds it on the API call; so does this.
 */
export function apiAttributeName(name: string): string {
  return STANDARD_OR_SUB.includes(name) || name.startsWith("custom:") || name.startsWith("dev:")
    ? name
    : `custom:${name}`;
}

export function attributeList(m: Record<string, string> | undefined): AttributeType[] | undefined {
  return m ? Object.entries(m).map(([name, Value]) => ({ Name: apiAttributeName(name), Value })) : undefined;
}

export function userCommands(i: UserInputs): UserCommands {
  const UserPoolId = required(i.userPoolId, "userPoolId");
  const Username = required(i.username, "username");
  const create: AdminCreateUserCommandInput = {
    UserPoolId,
    Username,
    UserAttributes: attributeList(i.attributes),
    // Validation data goes to triggers as given; it has no schema.
    ValidationData: i.validationData
      ? Object.entries(i.validationData).map(([Name, Value]) => ({ Name, Value }))
      : undefined,
    TemporaryPassword: i.temporaryPassword,
    ForceAliasCreation: i.forceAliasCreation,
    MessageAction: enumValue(MessageActionType, i.messageAction, "messageAction"),
    DesiredDeliveryMediums: enumList(DeliveryMediumType, i.desiredDeliveryMediums, "desiredDeliveryMediums"),
    ClientMetadata: i.clientMetadata,
  };
  return {
    create: dropUndefined(create),
    setPassword: i.password ? { UserPoolId, Username, Password: i.password, Permanent: true } : undefined,
    disable: i.enabled === false ? { UserPoolId, Username } : undefined,
  };
}
