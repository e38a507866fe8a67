/** `aws.cognito.IdentityPool` inputs -> cognito-identity CreateIdentityPool. */

import type { CreateIdentityPoolCommandInput } from "@aws-sdk/client-cognito-identity";
import type * as aws from "@pulumi/aws";
import { dropUndefined, type Resolved, required } from "./convert";

export type IdentityPoolInputs = Resolved<aws.cognito.IdentityPoolArgs>;

export function identityPoolCommand(i: IdentityPoolInputs): CreateIdentityPoolCommandInput {
  const input: CreateIdentityPoolCommandInput = {
    IdentityPoolName: required(i.identityPoolName, "identityPoolName"),
    // The provider's default; the API requires the member.
    AllowUnauthenticatedIdentities: i.allowUnauthenticatedIdentities ?? false,
    AllowClassicFlow: i.allowClassicFlow,
    SupportedLoginProviders: i.supportedLoginProviders,
    DeveloperProviderName: i.developerProviderName,
    OpenIdConnectProviderARNs: i.openidConnectProviderArns,
    CognitoIdentityProviders: i.cognitoIdentityProviders?.map((p) => ({
      ProviderName: p.providerName,
      ClientId: p.clientId,
      ServerSideTokenCheck: p.serverSideTokenCheck,
    })),
    SamlProviderARNs: i.samlProviderArns,
    IdentityPoolTags: i.tags && Object.keys(i.tags).length ? i.tags : undefined,
  };
  return dropUndefined(input);
}
