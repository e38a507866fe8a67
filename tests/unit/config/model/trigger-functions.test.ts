import * as assert from "node:assert";
import { builtFunctionNames } from "../../../../config/model";
import { load } from "../../helpers";

const MESSAGING = {
  email: {
    emailSendingAccount: "DEVELOPER",
    fromEmailAddress: "Auth <no-reply@auth.example.com>",
    sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/auth.example.com",
  },
};
const CLIENTS = {
  web: { callbackUrls: ["https://app.example.com/cb"] },
  backend: { callbackUrls: ["https://app.example.com/api/cb"] },
  app: { kind: "web", allowedOauthFlows: [] },
};

describe("config/model/trigger-functions", () => {
  it("applies defaults, resolves scopes and takes the sender from messaging", () => {
    const m = load("prod", {
      triggers: {
        functions: {
          postConfirmation: { groupsByDomain: { "*": "Customers" }, welcomeEmail: {} },
          preTokenGeneration: { groupScopes: { Customers: ["api/read"] } },
          customChallenge: { clients: ["app"] },
        },
      },
      messaging: MESSAGING,
      api: { clients: ["web"] },
      clients: CLIENTS,
    });
    const f = m.triggerFunctions;
    assert.deepStrictEqual(f.postConfirmation?.welcome, {
      subject: "Welcome",
      text: "Welcome, {name}. Your account is ready.",
    });
    assert.deepStrictEqual(f.preTokenGeneration?.groupScopes, { Customers: ["https://api.prod.example.com/read"] });
    assert.deepStrictEqual(f.customChallenge, { clients: ["app"], codeLength: 6, maxAttempts: 3 });
    assert.deepStrictEqual(f.sender, {
      from: "Auth <no-reply@auth.example.com>",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/auth.example.com",
    });
    assert.strictEqual(f.logRetentionDays, 30);
    // The custom challenge's client signs in through it only; the others may not start it.
    assert.deepStrictEqual(m.clients.app.explicitAuthFlows, ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    assert.ok(!m.clients.backend.explicitAuthFlows.includes("ALLOW_CUSTOM_AUTH"));
    assert.ok(!m.clients.web.explicitAuthFlows.includes("ALLOW_CUSTOM_AUTH"));
    assert.strictEqual(m.pool.userPoolAddOns.advancedSecurityAdditionalFlows?.customAuthMode, "ENFORCED");
    assert.deepStrictEqual(m.api, {
      clients: ["web"],
      scopes: ["https://api.prod.example.com/read"],
      adminGroup: "Administrators",
      logRetentionDays: 30,
    });
  });

  it("builds nothing without triggers.functions, and no API without api", () => {
    const m = load("prod", { messaging: MESSAGING, clients: CLIENTS });
    assert.deepStrictEqual(builtFunctionNames(m.triggerFunctions), []);
    assert.strictEqual(m.api, undefined);
  });
});
