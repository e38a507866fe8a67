import * as assert from "node:assert";
import {
  attributeMapping,
  DEFAULT_ATTRIBUTE_MAPPING,
  flag,
  PROVIDER_TYPES,
  SAML_EMAIL_CLAIM,
} from "../../../../components/user-pool-idps/base";

describe("components/user-pool-idps/base", () => {
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

  it("uses Cognito's provider types and string flags", () => {
    assert.deepStrictEqual(PROVIDER_TYPES, {
      google: "Google",
      facebook: "Facebook",
      apple: "SignInWithApple",
      amazon: "LoginWithAmazon",
      saml: "SAML",
      oidc: "OIDC",
    });
    assert.strictEqual(flag(true), "true");
    assert.strictEqual(flag(false), "false");
    assert.strictEqual(flag(undefined), "false");
  });
});
