import * as assert from "node:assert";
import { ConfigError, type ConfigIssue } from "../../../../config/errors";
import { loadConfig } from "../../../../config/load";
import { assertIssue, configInput, issuesFor, load } from "../../helpers";

const secure = (tag: string): { secure: string } => ({ secure: `v1:fake${tag}` });
const PEM =
  "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----\n";
const METADATA =
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"></md:EntityDescriptor>';

/** One provider of every type, secrets as `secure:` leaves. */
const all = (): Record<string, Record<string, unknown>> => ({
  Google: { type: "google", clientId: "g", clientSecret: secure("G") },
  Facebook: { type: "facebook", clientId: "f", clientSecret: secure("F") },
  SignInWithApple: { type: "apple", clientId: "a", teamId: "T", keyId: "K", privateKey: secure("A") },
  LoginWithAmazon: { type: "amazon", clientId: "z", clientSecret: secure("Z") },
  Okta: { type: "oidc", clientId: "o", clientSecret: secure("O"), oidcIssuer: "https://example.okta.com" },
  EntraId: { type: "saml", metadataUrl: "https://login.example.com/metadata.xml" },
});
const idps = (providers: Record<string, unknown>): Record<string, unknown> => ({ identityProviders: providers });

describe("config/validation/identity-providers", () => {
  it("accepts every type with secrets from secret config", () => {
    assert.deepStrictEqual(Object.keys(load("dev", idps(all())).identityProviders).sort(), [
      "EntraId",
      "Facebook",
      "Google",
      "LoginWithAmazon",
      "Okta",
      "SignInWithApple",
    ]);
  });

  describe("secrets", () => {
    for (const [key, field] of [
      ["Google", "clientSecret"],
      ["Facebook", "clientSecret"],
      ["LoginWithAmazon", "clientSecret"],
      ["Okta", "clientSecret"],
      ["SignInWithApple", "privateKey"],
    ]) {
      it(`a plain-text ${key}.${field} is refused with the command that fixes it, and is never echoed`, () => {
        const providers = all();
        providers[key] = { ...providers[key], [field]: key === "SignInWithApple" ? PEM : "plain-text-value" };
        const issue = assertIssue(
          issuesFor("dev", idps(providers)),
          `identityProviders.${key}.${field}`,
          `pulumi config set --secret --path 'identityProviders.${key}.${field}' <value>`,
        );
        assert.strictEqual(issue.value, "(value not shown)");
        assert.ok(
          !JSON.stringify(issue).includes("plain-text-value") && !JSON.stringify(issue).includes("BEGIN PRIVATE KEY"),
        );
      });
    }

    it("writes the bracket path for a provider name with a dot", () => {
      assertIssue(
        issuesFor(
          "dev",
          idps({
            "corp.idp": { type: "oidc", clientId: "c", clientSecret: "plain", oidcIssuer: "https://corp.example.com" },
          }),
        ),
        'identityProviders["corp.idp"].clientSecret',
        "--path 'identityProviders[\"corp.idp\"].clientSecret'",
      );
    });

    const withApplePrivateKey = (value: string): ConfigIssue[] => {
      const input = configInput(
        "dev",
        idps({ SignInWithApple: { type: "apple", clientId: "a", teamId: "T", keyId: "K", privateKey: secure("A") } }),
      );
      // The stack file says secure; the engine hands the program the decrypted value.
      input.engineConfig["cognito-auth:identityProviders"] = JSON.stringify({
        SignInWithApple: { type: "apple", clientId: "a", teamId: "T", keyId: "K", privateKey: value },
      });
      try {
        loadConfig(input);
        return [];
      } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
      }
    };
    it("an Apple private key must be a PEM key, without echoing it", () => {
      const issue = assertIssue(
        withApplePrivateKey("MIGTAgEAMBMG-not-a-pem"),
        "identityProviders.SignInWithApple.privateKey",
        "BEGIN PRIVATE KEY",
      );
      assert.strictEqual(issue.value, "[secret]");
      assert.deepStrictEqual(withApplePrivateKey(PEM), []);
    });
  });

  describe("provider names", () => {
    it("social providers must carry Cognito's exact names", () => {
      const issues = issuesFor(
        "dev",
        idps({
          google: { type: "google", clientId: "g", clientSecret: secure("G") },
          Apple: { type: "apple", clientId: "a", teamId: "T", keyId: "K", privateKey: secure("A") },
          Amazon: { type: "amazon", clientId: "z", clientSecret: secure("Z") },
          FB: { type: "facebook", clientId: "f", clientSecret: secure("F") },
        }),
      );
      assertIssue(issues, "identityProviders.google", 'keyed "Google"');
      assertIssue(issues, "identityProviders.Apple", 'keyed "SignInWithApple"');
      assertIssue(issues, "identityProviders.Amazon", 'keyed "LoginWithAmazon"');
      assertIssue(issues, "identityProviders.FB", 'keyed "Facebook"');
    });

    it("OIDC and SAML names are 3-32 characters", () => {
      const issues = issuesFor(
        "dev",
        idps({
          ab: { type: "saml", metadataUrl: "https://x.example.com/m" },
          [`o${"x".repeat(32)}`]: {
            type: "oidc",
            clientId: "c",
            clientSecret: secure("C"),
            oidcIssuer: "https://i.example.com",
          },
        }),
      );
      assertIssue(issues, "identityProviders.ab", "3-32 characters");
      assertIssue(issues, `identityProviders.o${"x".repeat(32)}`, "3-32 characters");
      assert.ok(load("dev", idps({ abc: { type: "saml", metadataUrl: "https://x.example.com/m" } })));
    });

    it("OIDC names follow CDK's pattern (no underscore after the second character); SAML names may", () => {
      assertIssue(
        issuesFor(
          "dev",
          idps({
            corp_idp: { type: "oidc", clientId: "c", clientSecret: secure("C"), oidcIssuer: "https://i.example.com" },
          }),
        ),
        "identityProviders.corp_idp",
        "OIDC provider names",
      );
      assert.ok(load("dev", idps({ corp_idp: { type: "saml", metadataUrl: "https://x.example.com/m" } })));
    });

    it("OIDC and SAML providers cannot take a reserved name", () => {
      const issues = issuesFor(
        "dev",
        idps({
          Google: { type: "oidc", clientId: "c", clientSecret: secure("C"), oidcIssuer: "https://accounts.google.com" },
          COGNITO: { type: "saml", metadataUrl: "https://x.example.com/m" },
        }),
      );
      assertIssue(issues, "identityProviders.Google", "reserved");
      assertIssue(issues, "identityProviders.COGNITO", "reserved");
    });
  });

  describe("SAML and OIDC settings", () => {
    it("SAML needs exactly one of metadataUrl and metadataFile", () => {
      assertIssue(
        issuesFor("dev", idps({ Corp: { type: "saml" } })),
        "identityProviders.Corp.metadataUrl",
        "exactly one",
      );
      assertIssue(
        issuesFor(
          "dev",
          idps({ Corp: { type: "saml", metadataUrl: "https://x.example.com/m", metadataFile: METADATA } }),
        ),
        "identityProviders.Corp.metadataFile",
        "not both",
      );
      assert.ok(load("dev", idps({ Corp: { type: "saml", metadataFile: METADATA } })));
    });

    it("SAML metadata must be https, or the XML document itself", () => {
      assertIssue(
        issuesFor("dev", idps({ Corp: { type: "saml", metadataUrl: "http://x.example.com/m" } })),
        "identityProviders.Corp.metadataUrl",
        "https://",
      );
      assertIssue(
        issuesFor("dev", idps({ Corp: { type: "saml", metadataFile: "metadata.xml" } })),
        "identityProviders.Corp.metadataFile",
        "XML document",
      );
    });

    it("OIDC issuer and endpoints must be https", () => {
      const issues = issuesFor(
        "dev",
        idps({
          Corp: {
            type: "oidc",
            clientId: "c",
            clientSecret: secure("C"),
            oidcIssuer: "http://i.example.com",
            jwksUri: "http://i.example.com/jwks",
          },
        }),
      );
      assertIssue(issues, "identityProviders.Corp.oidcIssuer", "https://");
      assertIssue(issues, "identityProviders.Corp.jwksUri", "https://");
    });
  });

  describe("attribute mapping", () => {
    it("keys must be standard attributes, username or custom:<defined>", () => {
      const issues = issuesFor(
        "dev",
        idps({
          Google: {
            type: "google",
            clientId: "g",
            clientSecret: secure("G"),
            attributeMapping: { emial: "email", "custom:plan": "hd", username: "sub", "custom:customer_tier": "hd" },
          },
        }),
      );
      assertIssue(issues, "identityProviders.Google.attributeMapping.emial", 'did you mean "email"');
      assertIssue(issues, "identityProviders.Google.attributeMapping.custom:plan", "not defined in pool.schemas");
      assert.ok(!issues.some((i) => i.path.endsWith(".username") || i.path.endsWith("custom:customer_tier")));
    });

    it("a mapped custom attribute must be mutable, and a claim must be named", () => {
      const issues = issuesFor("dev", {
        pool: { schemas: [{ name: "employee_id", attributeDataType: "String", mutable: false }] },
        ...idps({
          EntraId: {
            type: "saml",
            metadataUrl: "https://x.example.com/m",
            attributeMapping: { "custom:employee_id": "employeeid", name: " " },
          },
        }),
      });
      assertIssue(issues, "identityProviders.EntraId.attributeMapping.custom:employee_id", "must be mutable");
      assertIssue(issues, "identityProviders.EntraId.attributeMapping.name", "must name the provider's attribute");
    });

    it("every required standard attribute must be mapped, defaults included", () => {
      const values = {
        pool: { requiredStandardAttributes: ["email", "given_name"] },
        ...idps({ LoginWithAmazon: { type: "amazon", clientId: "z", clientSecret: secure("Z") } }),
      };
      assertIssue(issuesFor("dev", values), "identityProviders.LoginWithAmazon.attributeMapping", "needs given_name");
      assert.ok(
        load("dev", {
          ...values,
          ...idps({
            LoginWithAmazon: {
              type: "amazon",
              clientId: "z",
              clientSecret: secure("Z"),
              attributeMapping: { given_name: "name" },
            },
          }),
        }),
      );
    });
  });

  it("IdP identifiers follow Cognito's pattern and are unique across providers", () => {
    const issues = issuesFor(
      "dev",
      idps({
        Okta: {
          type: "oidc",
          clientId: "o",
          clientSecret: secure("O"),
          oidcIssuer: "https://example.okta.com",
          idpIdentifiers: ["example.com", "bad/one"],
        },
        EntraId: { type: "saml", metadataUrl: "https://x.example.com/m", idpIdentifiers: ["example.com"] },
      }),
    );
    assertIssue(issues, "identityProviders.Okta.idpIdentifiers[1]", "1-40 letters");
    assertIssue(issues, "identityProviders.EntraId.idpIdentifiers[0]", "already an identifier of provider Okta");
  });
  it("takes a numeric app id (as `pulumi config set --path` stores digits) as its digits", () => {
    const m = load("dev", {
      identityProviders: {
        Facebook: { type: "facebook", clientId: 123456789012345, clientSecret: { secure: "v1:x" } },
      },
    });
    assert.strictEqual(
      m.identityProviders.Facebook.type === "facebook" && m.identityProviders.Facebook.clientId,
      "123456789012345",
    );
  });
});
