import * as assert from "node:assert";
import { facebookProvider } from "../../../../components/user-pool-idps/facebook";
import { reveal } from "./reveal";

describe("components/user-pool-idps/facebook", () => {
  it("pins the Graph API version and spells out the documented endpoints for it", async () => {
    const spec = facebookProvider({ type: "facebook", clientId: "1example23456789", clientSecret: "s3cret" });
    const d = await reveal(spec);
    assert.deepStrictEqual(d.values, {
      api_version: "v17.0",
      attributes_url: "https://graph.facebook.com/v17.0/me?fields=",
      attributes_url_add_attributes: "true",
      authorize_scopes: "public_profile,email",
      authorize_url: "https://www.facebook.com/v17.0/dialog/oauth",
      client_id: "1example23456789",
      client_secret: "s3cret",
      token_request_method: "GET",
      token_url: "https://graph.facebook.com/v17.0/oauth/access_token",
    });
    assert.deepStrictEqual(d.secret, ["client_secret"]);
  });

  it("moves every versioned endpoint with apiVersion", async () => {
    const d = await reveal(
      facebookProvider({ type: "facebook", clientId: "id", clientSecret: "s", apiVersion: "v21.0" }),
    );
    assert.strictEqual(d.values.api_version, "v21.0");
    for (const k of ["attributes_url", "authorize_url", "token_url"])
      assert.ok(d.values[k].includes("/v21.0/"), `${k} = ${d.values[k]}`);
  });
});
