/** `aws.cognito.IdentityProvider` inputs -> CreateIdentityProvider. */
import type * as aws from "@pulumi/aws";
import {
  CreateIdentityProviderCommandInput,
  IdentityProviderTypeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { enumValue, required, Resolved } from "./convert";

export type IdentityProviderInputs = Resolved<aws.cognito.IdentityProviderArgs>;

export function identityProviderCommand(i: IdentityProviderInputs): CreateIdentityProviderCommandInput {
  return {
    UserPoolId: required(i.userPoolId, "userPoolId"),
    ProviderName: required(i.providerName, "providerName"),
    ProviderType: enumValue(IdentityProviderTypeType, required(i.providerType, "providerType"), "providerType"),
    ProviderDetails: i.providerDetails,
    AttributeMapping: i.attributeMapping,
    IdpIdentifiers: i.idpIdentifiers,
  };
}
