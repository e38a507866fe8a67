import * as assert from "node:assert";
import { identityPoolCommand } from "../../../../emulator/backend/identity-pool";

describe("emulator/backend/identity-pool", () => {
  it("maps the pool with its Cognito user pool providers", () => {
    assert.deepStrictEqual(
      identityPoolCommand({
        identityPoolName: "cognito-identity-pool-dev",
        allowUnauthenticatedIdentities: false,
        allowClassicFlow: false,
        cognitoIdentityProviders: [
          {
            clientId: "abc",
            providerName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_x",
            serverSideTokenCheck: true,
          },
        ],
        tags: { project: "cognito-auth" },
      }),
      {
        IdentityPoolName: "cognito-identity-pool-dev",
        AllowUnauthenticatedIdentities: false,
        AllowClassicFlow: false,
        CognitoIdentityProviders: [
          {
            ClientId: "abc",
            ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_x",
            ServerSideTokenCheck: true,
          },
        ],
        IdentityPoolTags: { project: "cognito-auth" },
      },
    );
  });

  it("defaults unauthenticated identities to off, as the provider does (the API requires the member)", () => {
    assert.deepStrictEqual(identityPoolCommand({ identityPoolName: "p" }), {
      IdentityPoolName: "p",
      AllowUnauthenticatedIdentities: false,
    });
  });
});
