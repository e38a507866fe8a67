import * as assert from "node:assert";
import { googleProvider } from "../../../../components/user-pool-idps/google";
import { reveal } from "./reveal";

describe("components/user-pool-idps/google", () => {
  it("spells out every key of Cognito's documented Google describe response; only the secret is a secret", async () => {
    const spec = googleProvider({
      type: "google",
      clientId: "1example.apps.googleusercontent.com",
      clientSecret: "s3cret",
    });
    const d = await reveal(spec);
    assert.deepStrictEqual(d.values, {
      attributes_url: "https://people.googleapis.com/v1/people/me?personFields=",
      attributes_url_add_attributes: "true",
      authorize_scopes: "email profile openid",
      authorize_url: "https://accounts.google.com/o/oauth2/v2/auth",
      client_id: "1example.apps.googleusercontent.com",
      client_secret: "s3cret",
      oidc_issuer: "https://accounts.google.com",
      token_request_method: "POST",
      token_url: "https://www.googleapis.com/oauth2/v4/token",
    });
    assert.deepStrictEqual(d.secret, ["client_secret"]);
  });

  it("keeps configured scopes and mapping", async () => {
    const spec = googleProvider({
      type: "google",
      clientId: "id",
      clientSecret: "s",
      authorizeScopes: "openid email",
      attributeMapping: { picture: "picture" },
    });
    assert.strictEqual((await reveal(spec)).values.authorize_scopes, "openid email");
  });
});
