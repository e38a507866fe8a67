import * as assert from "node:assert";
import { amazonProvider } from "../../../../components/user-pool-idps/amazon";
import { reveal } from "./reveal";

describe("components/user-pool-idps/amazon", () => {
  it("spells out the documented LoginWithAmazon keys; only the secret is a secret", async () => {
    const spec = amazonProvider({
      type: "amazon",
      clientId: "amzn1.application-oa2-client.1example",
      clientSecret: "s3cret",
      authorizeScopes: "profile postal_code",
    });
    const d = await reveal(spec);
    assert.deepStrictEqual(d.values, {
      attributes_url: "https://api.amazon.com/user/profile",
      attributes_url_add_attributes: "false",
      authorize_scopes: "profile postal_code",
      authorize_url: "https://www.amazon.com/ap/oa",
      client_id: "amzn1.application-oa2-client.1example",
      client_secret: "s3cret",
      token_request_method: "POST",
      token_url: "https://api.amazon.com/auth/o2/token",
    });
    assert.deepStrictEqual(d.secret, ["client_secret"]);
  });

  it("requests the profile scope by default and maps user_id to the username", async () => {
    const spec = amazonProvider({ type: "amazon", clientId: "id", clientSecret: "s" });
    assert.strictEqual((await reveal(spec)).values.authorize_scopes, "profile");
  });
});
