/** `aws.cognito.IdentityProvider` inputs -> CreateIdentityProvider. */

import {
  type CreateIdentityProviderCommandInput,
  IdentityProviderTypeType,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { enumValue, type Resolved, required } from "./convert";

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
