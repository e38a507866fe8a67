import * as assert from "node:assert";
import { identityProviderCommand } from "../../../../emulator/backend/identity-provider";

describe("emulator/backend/identity-provider", () => {
  it("maps a Google provider's details and attribute mapping", () => {
    assert.deepStrictEqual(
      identityProviderCommand({
        userPoolId: "us-east-1_abc",
        providerName: "Google",
        providerType: "Google",
        providerDetails: { client_id: "cid", client_secret: "s3cret", authorize_scopes: "openid email" },
        attributeMapping: { email: "email", username: "sub" },
        idpIdentifiers: ["google"],
      }),
      {
        UserPoolId: "us-east-1_abc",
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { client_id: "cid", client_secret: "s3cret", authorize_scopes: "openid email" },
        AttributeMapping: { email: "email", username: "sub" },
        IdpIdentifiers: ["google"],
      },
    );
  });

  it("refuses a provider type Cognito does not have", () => {
    assert.throws(
      () =>
        identityProviderCommand({ userPoolId: "p", providerName: "X", providerType: "Myspace", providerDetails: {} }),
      /providerType: "Myspace"/,
    );
  });
});
