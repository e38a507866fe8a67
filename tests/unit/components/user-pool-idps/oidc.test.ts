import * as assert from "node:assert";
import { oidcProvider } from "../../../../components/user-pool-idps/oidc";
import { reveal } from "./reveal";

describe("components/user-pool-idps/oidc", () => {
  it("with discovery: issuer, scopes, request method and the read-only flag, no endpoints", async () => {
    const spec = oidcProvider({
      type: "oidc",
      clientId: "client",
      clientSecret: "s3cret",
      oidcIssuer: "https://auth.example.com",
    });
    const d = await reveal(spec);
    assert.deepStrictEqual(d.values, {
      attributes_request_method: "GET",
      attributes_url_add_attributes: "false",
      authorize_scopes: "openid email profile",
      client_id: "client",
      client_secret: "s3cret",
      oidc_issuer: "https://auth.example.com",
    });
    assert.deepStrictEqual(d.secret, ["client_secret"]);
  });

  it("without discovery: the documented describe response, endpoints included", async () => {
    const d = await reveal(
      oidcProvider({
        type: "oidc",
        clientId: "1example23456789",
        clientSecret: "provider-app-client-secret",
        oidcIssuer: "https://auth.example.com",
        authorizeScopes: "openid profile email",
        attributesRequestMethod: "GET",
        authorizeUrl: "https://auth.example.com/authorize",
        tokenUrl: "https://example.com/token",
        attributesUrl: "https://auth.example.com/userInfo",
        jwksUri: "https://auth.example.com/.well-known/jwks.json",
      }),
    );
    assert.deepStrictEqual(d.values, {
      attributes_request_method: "GET",
      attributes_url: "https://auth.example.com/userInfo",
      attributes_url_add_attributes: "false",
      authorize_scopes: "openid profile email",
      authorize_url: "https://auth.example.com/authorize",
      client_id: "1example23456789",
      client_secret: "provider-app-client-secret",
      jwks_uri: "https://auth.example.com/.well-known/jwks.json",
      oidc_issuer: "https://auth.example.com",
      token_url: "https://example.com/token",
    });
  });

  it("keeps POST as the attributes request method", async () => {
    const d = await reveal(
      oidcProvider({
        type: "oidc",
        clientId: "c",
        clientSecret: "s",
        oidcIssuer: "https://i.example.com",
        attributesRequestMethod: "POST",
      }),
    );
    assert.strictEqual(d.values.attributes_request_method, "POST");
  });
});
