import * as assert from "node:assert";
import { ConfigError } from "../../../config/errors";
import { loadConfig } from "../../../config/load";
import { assertIssue, configInput, issuesFor, load } from "../helpers";

const prodRequired = {
  messaging: {
    email: {
      fromEmailAddress: "Auth <no-reply@auth.example.com>",
      identity: "auth.example.com",
      hostedZoneId: "Z0EXAMPLE0000000000000",
    },
  },
  clients: {
    web: { callbackUrls: ["https://app.example.com/cb"], logoutUrls: ["https://app.example.com/"] },
    backend: { callbackUrls: ["https://app.example.com/api/cb"], logoutUrls: ["https://app.example.com/"] },
  },
};

describe("config/load", () => {
  it("loads the dev preset with no overrides", () => {
    const c = load("dev", {});
    assert.strictEqual(c.environment, "dev");
    assert.strictEqual(c.pool.mfaConfiguration, "OPTIONAL");
    assert.strictEqual(c.pool.deletionProtection, "INACTIVE");
  });

  it("defaults a stack that is not named like a preset to the strict prod preset", () => {
    const c = load("staging", prodRequired);
    assert.strictEqual(c.environment, "prod");
    assert.strictEqual(c.pool.mfaConfiguration, "ON");
    assert.strictEqual(c.pool.protect, true);
  });

  it("lets a stack pick its preset with `environment`", () => {
    assert.strictEqual(load("sandbox", { environment: "dev" }).pool.mfaConfiguration, "OPTIONAL");
  });

  it("rejects an unknown environment", () => {
    assertIssue(issuesFor("dev", { environment: "qa" }), "environment", "must be one of: dev, prod");
  });

  it("rejects unknown top-level keys with a did-you-mean hint", () => {
    const issue = assertIssue(issuesFor("dev", { clientz: {} }), "clientz", 'did you mean "clients"?');
    assert.strictEqual(issue.source, "Pulumi.dev.yaml");
  });

  it("rejects unknown nested keys with a hint for that level", () => {
    assertIssue(
      issuesFor("dev", { pool: { passwordPolicy: { minimumLenght: 14 } } }),
      "pool.passwordPolicy.minimumLenght",
      'did you mean "minimumLength"?',
    );
  });

  it("deep-merges stack values over the preset, replacing arrays", () => {
    const c = load("dev", {
      pool: { passwordPolicy: { minimumLength: 16 }, autoVerifiedAttributes: ["phone_number", "email"] },
      messaging: { sms: { enabled: true } },
    });
    assert.strictEqual(c.pool.passwordPolicy.minimumLength, 16);
    assert.strictEqual(c.pool.passwordPolicy.requireSymbols, true, "sibling keys keep their preset values");
    assert.deepStrictEqual(c.pool.autoVerifiedAttributes, ["phone_number", "email"]);
  });

  it("removes a preset map entry set to null", () => {
    const c = load("dev", { clients: { service: null }, groups: { PremiumCustomers: null } });
    assert.deepStrictEqual(Object.keys(c.clients).sort(), ["backend", "web"]);
    assert.ok(!("PremiumCustomers" in c.groups));
  });

  it("reports every problem at once, each with its key, value, rule and file", () => {
    const issues = issuesFor("dev", {
      pool: {
        passwordPolicy: { minimumLength: 4 },
        mfaConfiguration: "SOMETIMES",
        smsAuthenticationMessage: "no placeholder",
      },
      tagz: {},
    });
    assert.ok(issues.length >= 4, `expected at least 4 issues, got ${issues.length}`);
    const min = assertIssue(issues, "pool.passwordPolicy.minimumLength", "between 6 and 99");
    assert.strictEqual(min.value, 4);
    assert.strictEqual(min.source, "Pulumi.dev.yaml");
    assertIssue(issues, "pool.mfaConfiguration", "expected one of");
    assertIssue(issues, "pool.smsAuthenticationMessage", "{####}");
    assertIssue(issues, "tagz", 'did you mean "tags"?');
  });

  it("names the preset when the broken value came from it", () => {
    const issue = assertIssue(
      issuesFor("prod", {}),
      "messaging.email.fromEmailAddress",
      "required with emailSendingAccount DEVELOPER",
    );
    assert.strictEqual(issue.source, "preset prod");
  });

  it("formats one error message naming every problem and the stack", () => {
    try {
      loadConfig(configInput("dev", { pool: { passwordPolicy: { minimumLength: 4 } }, tagz: {} }));
      assert.fail("expected a ConfigError");
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /^Stack "dev" has 2 config problems; no resources were created:/);
      assert.match(
        e.message,
        /cognito-auth:pool\.passwordPolicy\.minimumLength = 4: must be between 6 and 99 \[Pulumi\.dev\.yaml\]/,
      );
      assert.match(e.message, /cognito-auth:tagz = \{\}: unknown key; did you mean "tags"\? \[Pulumi\.dev\.yaml\]/);
    }
  });

  it("never echoes a secret value in an error", () => {
    // A secret where a number belongs: the decrypted text is not a number, and must not be printed.
    const issues = issuesFor("dev", { pool: { passwordPolicy: { minimumLength: { secure: "v1:abc" } } } });
    const issue = assertIssue(issues, "pool.passwordPolicy.minimumLength", "expected number");
    assert.strictEqual(issue.value, "[secret]");
  });

  it("knows which leaves were set as secrets", () => {
    const loaded = load("dev", { tags: { owner: { secure: "v1:xyz" }, team: "auth" } });
    assert.strictEqual(loaded.isSecret("tags.owner"), true);
    assert.strictEqual(loaded.isSecret("tags.team"), false);
  });

  it("falls back to whole-key secrecy when there is no stack file", () => {
    const input = configInput("dev", { tags: { owner: "x" } });
    const loaded = loadConfig({
      ...input,
      secretKeys: ["cognito-auth:tags"],
      files: { ...(input.files ?? assert.fail("configInput gives files")), exists: false, stackConfig: {} },
    });
    assert.strictEqual(loaded.isSecret("tags.owner"), true);
    assert.strictEqual(loaded.isSecret("pool.name"), false);
  });

  it("accepts secrets from a Pulumi ESC environment although the stack file exists and holds no secure leaf", () => {
    const idps = { Google: { type: "google", clientId: "1.apps.googleusercontent.com", clientSecret: "from-esc" } };
    const clients = { web: { kind: "web", identityProviders: ["Google"] } };
    // The stack file imports an environment; the engine marks the key secret (fn::secret), the file has no `secure:`.
    const input = configInput("dev", { clients });
    const engineConfig = { ...input.engineConfig, "cognito-auth:identityProviders": JSON.stringify(idps) };
    const m = loadConfig({ ...input, engineConfig, secretKeys: ["cognito-auth:identityProviders"] });
    assert.strictEqual(m.isSecret("identityProviders.Google.clientSecret"), true);
    assert.strictEqual(m.isSecret("clients.web"), false);
    assert.throws(
      () => loadConfig({ ...input, engineConfig, secretKeys: [] }),
      (e: unknown) => e instanceof ConfigError && e.issues.some((i) => i.rule.includes("must be a Pulumi secret")),
      "the same value set in plain text is still refused",
    );
  });

  it("keeps leaf-level secrecy where the stack file marks the leaf", () => {
    const input = configInput("dev", { tags: { owner: { secure: "v1:abc" }, team: "x" } });
    const m = loadConfig({ ...input, secretKeys: ["cognito-auth:tags"] });
    assert.deepStrictEqual([m.isSecret("tags.owner"), m.isSecret("tags.team")], [true, false]);
  });

  it("takes the region from aws:region", () => {
    assert.strictEqual(loadConfig(configInput("dev", {}, "eu-west-1")).region, "eu-west-1");
  });
});

describe("config/load: keys that are not plain identifiers", () => {
  it("rejects keys named like Object.prototype members without crashing", () => {
    assertIssue(issuesFor("dev", { pool: { toString: [] } }), "pool.toString", "unknown key");
    assertIssue(
      issuesFor("dev", JSON.parse('{ "pool": { "__proto__": { "x": 1 } } }') as Record<string, unknown>),
      "pool.__proto__",
      "unknown key",
    );
  });
  it("names a seed user by its quoted key and credits the stack file", () => {
    const issue = assertIssue(
      issuesFor("dev", { seedUsers: { "admin@example.com": { groups: ["Nope"] } } }),
      'seedUsers["admin@example.com"].groups[0]',
      "Nope",
    );
    assert.strictEqual(issue.source, "Pulumi.dev.yaml");
  });
  describe("every problem in one run", () => {
    it("runs the cross-field rules around an entry the schema refused", () => {
      const issues = issuesFor("dev", {
        clients: { mobile: { kind: "mobil", callbackUrls: ["myapp://cb"] } },
        groups: { Ops: { description: "x", precedence: "high" } },
        pool: { passwordPolicy: { minimumLength: 4 } },
        identityPool: { enabled: true, clients: ["web", "mobile"] },
      });
      assertIssue(issues, "clients.mobile.kind", "expected one of");
      assertIssue(issues, "groups.Ops.precedence", "expected number");
      assertIssue(issues, "pool.passwordPolicy.minimumLength", "between 6 and 99");
      assert.ok(
        !issues.some((i) => i.path.startsWith("identityPool.clients")),
        "no second error about the dropped client",
      );
    });

    it("says where a value the user never wrote comes from, and how to change it", () => {
      const issues = issuesFor("dev", { pool: { schemas: [{ name: "plan", attributeDataType: "String" }] } });
      const stale = assertIssue(issues, "clients.web.readAttributes[5]", "not defined in pool.schemas");
      assert.strictEqual(stale.source, "defaults of client kind web");
      assert.match(
        stale.rule,
        /comes from the defaults of client kind web: set clients\.web\.readAttributes in Pulumi\.dev\.yaml/,
      );
    });

    it("names the user's file for a value missing from an entry the user wrote", () => {
      const issue = assertIssue(
        issuesFor("dev", {
          identityProviders: { Okta: { type: "oidc", clientId: "x", clientSecret: { secure: "v1:a" } } },
          clients: { web: { kind: "web", identityProviders: ["Okta"] } },
        }),
        "identityProviders.Okta.oidcIssuer",
        "required",
      );
      assert.strictEqual(issue.source, "Pulumi.dev.yaml");
      assert.doesNotMatch(issue.rule, /preset/);
      const missing = assertIssue(issuesFor("prod", {}), "messaging.email.fromEmailAddress", "required");
      assert.match(
        missing.rule,
        /the preset prod does not set it: set messaging\.email\.fromEmailAddress in Pulumi\.prod\.yaml/,
      );
    });

    it("refuses a misspelt namespace and config keys outside config:, and leaves other namespaces alone", () => {
      const input = configInput("dev", {});
      const issues = (() => {
        try {
          loadConfig({
            ...input,
            engineConfig: {
              ...input.engineConfig,
              "cognito_auth:pool": "{}",
              "cognitoauth:tags": "{}",
              "aws:profile": "x",
              "other-app:key": "y",
            },
            files: {
              ...(input.files ?? assert.fail("files")),
              misplacedKeys: ["cognito-auth:environment", "secretsprovider"],
            },
          });
        } catch (e) {
          if (e instanceof ConfigError) return e.issues;
          throw e;
        }
        return assert.fail("expected a ConfigError");
      })();
      const keys = issues.map((i) => i.key);
      assert.deepStrictEqual(keys.sort(), ["cognito-auth:environment", "cognito_auth:pool", "cognitoauth:tags"]);
      assert.match(issues.find((i) => i.key === "cognito_auth:pool")?.rule ?? "", /did you mean "cognito-auth:pool"/);
      assert.match(issues.find((i) => i.key === "cognito-auth:environment")?.rule ?? "", /move it under config:/);
    });

    it("keeps a repaired model on the error, for the plan to judge the rest with the policy pack", () => {
      try {
        loadConfig(
          configInput("dev", { pool: { mfaConfiguration: "SOMETIMES", passwordPolicy: { minimumLength: 4 } } }),
        );
        assert.fail("expected a ConfigError");
      } catch (e) {
        assert.ok(e instanceof ConfigError);
        assert.strictEqual(
          e.repaired?.pool.mfaConfiguration,
          "OPTIONAL",
          "the preset's value stands in for a schema error",
        );
        assert.strictEqual(
          e.repaired?.pool.passwordPolicy.minimumLength,
          4,
          "what the schema accepts stays as written",
        );
      }
    });
  });
  it("never echoes a value that holds a secret, under a misspelt or unknown key too", () => {
    for (const values of [
      { identityProvider: { Google: { type: "google", clientId: "x", clientSecret: { secure: "v1:abc" } } } },
      {
        identityProviders: {
          Google: {
            type: "google",
            clientId: "x",
            clientSecret: { secure: "v1:abc" },
            extra: { a: { secure: "v1:def" } },
          },
        },
      },
    ]) {
      const issues = issuesFor("dev", values);
      assert.ok(issues.length > 0);
      const printed = new ConfigError("dev", issues).message;
      assert.doesNotMatch(printed, /offline-placeholder-secret/, printed);
    }
  });
});
