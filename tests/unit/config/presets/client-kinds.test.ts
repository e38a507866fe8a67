import * as assert from "node:assert";
import { CLIENT_KIND_DEFAULTS } from "../../../../config/presets/client-kinds";
import { load } from "../../helpers";

describe("config/presets/client-kinds", () => {
  it("makes web and native clients public, code-only, SRP and never implicit", () => {
    for (const kind of ["web", "native"] as const) {
      const d = CLIENT_KIND_DEFAULTS[kind];
      assert.strictEqual(d.generateSecret, false, kind);
      assert.deepStrictEqual(d.allowedOauthFlows, ["code"], kind);
      assert.deepStrictEqual(d.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], kind);
      assert.strictEqual(d.allowImplicitFlow, false, kind);
    }
  });

  it("gives server clients a secret and the code flow", () => {
    const d = CLIENT_KIND_DEFAULTS.server;
    assert.strictEqual(d.generateSecret, true);
    assert.deepStrictEqual(d.allowedOauthFlows, ["code"]);
  });

  it("gives machine clients a secret, client_credentials only, no user attributes and no COGNITO provider", () => {
    const d = CLIENT_KIND_DEFAULTS.machine;
    assert.strictEqual(d.generateSecret, true);
    assert.deepStrictEqual(d.allowedOauthFlows, ["client_credentials"]);
    assert.deepStrictEqual([d.readAttributes, d.writeAttributes, d.includeCognito], [[], [], false]);
  });

  it("applies the recipe's token lifetimes and session hygiene to every kind", () => {
    for (const [kind, d] of Object.entries(CLIENT_KIND_DEFAULTS)) {
      assert.deepStrictEqual(
        [d.accessTokenValidity, d.idTokenValidity, d.refreshTokenValidity, d.tokenValidityUnits],
        [60, 60, 30, { accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
        kind,
      );
      assert.deepStrictEqual(
        [d.preventUserExistenceErrors, d.enableTokenRevocation, d.authSessionValidity],
        ["ENABLED", true, 3],
        kind,
      );
    }
  });

  it("lets a client's own keys override its kind's defaults when config is loaded", () => {
    const c = load("dev", {
      clients: { web: { kind: "web", callbackUrls: ["https://a.example.com/cb"], accessTokenValidity: 15 } },
    }).clients.web;
    assert.strictEqual(c.accessTokenValidity, 15);
    assert.strictEqual(c.idTokenValidity, 60, "untouched defaults stay");
    assert.strictEqual(c.generateSecret, false);
  });
});
