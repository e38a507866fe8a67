import * as assert from "node:assert";
import { appleProvider } from "../../../../components/user-pool-idps/apple";
import { reveal } from "./reveal";

const KEY = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----";

describe("components/user-pool-idps/apple", () => {
  it("spells out the documented SignInWithApple keys and keeps the private key secret", async () => {
    const spec = appleProvider({
      type: "apple",
      clientId: "com.example.cognito",
      teamId: "2EXAMPLE",
      keyId: "1EXAMPLE",
      privateKey: KEY,
    });
    const d = await reveal(spec);
    assert.deepStrictEqual(d.values, {
      attributes_url_add_attributes: "false",
      authorize_scopes: "email name",
      authorize_url: "https://appleid.apple.com/auth/authorize",
      client_id: "com.example.cognito",
      key_id: "1EXAMPLE",
      oidc_issuer: "https://appleid.apple.com",
      private_key: KEY,
      team_id: "2EXAMPLE",
      token_request_method: "POST",
      token_url: "https://appleid.apple.com/auth/token",
    });
    assert.deepStrictEqual(d.secret, ["private_key"]);
  });
});
