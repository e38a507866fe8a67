import * as assert from "node:assert";
import {
  attributeMapping,
  DEFAULT_ATTRIBUTE_MAPPING,
  isOktaMetadata,
  PROVIDER_TYPES,
  RESERVED_PROVIDER_NAMES,
  resolveIdentityProvider,
  SAML_EMAIL_CLAIM,
} from "../../../../config/model/identity-providers";

describe("config/model/identity-providers", () => {
  it("maps email, names and a stable username per social/OIDC type, as each provider names its claims", () => {
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.google, {
      email: "email",
      name: "name",
      given_name: "given_name",
      family_name: "family_name",
      username: "sub",
    });
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.facebook, {
      email: "email",
      name: "name",
      given_name: "first_name",
      family_name: "last_name",
      username: "id",
    });
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.apple, {
      email: "email",
      name: "name",
      given_name: "firstName",
      family_name: "lastName",
      username: "sub",
    });
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.amazon, { email: "email", name: "name", username: "user_id" });
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.oidc, {
      email: "email",
      name: "name",
      given_name: "given_name",
      family_name: "family_name",
      username: "sub",
    });
  });

  it("maps only the email claim URI for SAML (the username is the NameID)", () => {
    assert.deepStrictEqual(DEFAULT_ATTRIBUTE_MAPPING.saml, {
      email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    });
    assert.strictEqual(SAML_EMAIL_CLAIM, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
  });

  it("puts configured keys over the defaults without dropping the rest", () => {
    const m = attributeMapping("google", { name: "given_name", "custom:customer_tier": "hd" });
    assert.deepStrictEqual(m, {
      email: "email",
      name: "given_name",
      given_name: "given_name",
      family_name: "family_name",
      username: "sub",
      "custom:customer_tier": "hd",
    });
    assert.deepStrictEqual(attributeMapping("amazon", undefined), DEFAULT_ATTRIBUTE_MAPPING.amazon);
    assert.notStrictEqual(
      attributeMapping("amazon", undefined),
      DEFAULT_ATTRIBUTE_MAPPING.amazon,
      "a fresh object, so callers cannot change the defaults",
    );
  });

  it("uses Cognito's provider types, which are also the social providers' fixed names", () => {
    assert.deepStrictEqual(PROVIDER_TYPES, {
      google: "Google",
      facebook: "Facebook",
      apple: "SignInWithApple",
      amazon: "LoginWithAmazon",
      saml: "SAML",
      oidc: "OIDC",
    });
    assert.deepStrictEqual(RESERVED_PROVIDER_NAMES, [
      "COGNITO",
      "Google",
      "Facebook",
      "SignInWithApple",
      "LoginWithAmazon",
    ]);
  });

  it("resolves a provider to its name, Cognito type and full mapping", () => {
    const p = resolveIdentityProvider("Google", {
      type: "google",
      clientId: "id",
      clientSecret: "s",
      attributeMapping: { picture: "picture" },
    });
    assert.deepStrictEqual([p.name, p.providerType], ["Google", "Google"]);
    assert.deepStrictEqual(p.attributeMapping, { ...DEFAULT_ATTRIBUTE_MAPPING.google, picture: "picture" });
    const entra = resolveIdentityProvider("Entra", {
      type: "saml",
      metadataUrl: "https://login.microsoftonline.com/t/m",
    });
    assert.deepStrictEqual(
      [entra.name, entra.providerType, entra.attributeMapping],
      ["Entra", "SAML", { email: SAML_EMAIL_CLAIM }],
    );
  });

  it("maps Okta's plain email attribute by default, and keeps a configured mapping", () => {
    const okta = (attributeMapping?: Record<string, string>) =>
      resolveIdentityProvider("Okta", {
        type: "saml",
        metadataUrl: "https://dev-123.okta.com/app/abc/sso/saml/metadata",
        attributeMapping,
      }).attributeMapping;
    assert.deepStrictEqual(okta(), { email: "email" });
    assert.deepStrictEqual(okta({ email: SAML_EMAIL_CLAIM }), { email: SAML_EMAIL_CLAIM });
    assert.strictEqual(isOktaMetadata("https://evil-okta.com.example.net/m"), false);
    assert.strictEqual(isOktaMetadata("not a url"), false);
  });
});
