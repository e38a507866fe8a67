import * as assert from "assert";
import type { ClientOutput, StackOutputs } from "../../../../lib/stack-outputs";
import { planFlow, strongPassword, tooShortPassword } from "../../../integration/plan";

const client = (o: Partial<ClientOutput>): ClientOutput => ({
  clientId: "id", kind: "web", explicitAuthFlows: [], allowedOauthFlows: [], allowedOauthScopes: [], callbackUrls: [], logoutUrls: [], ...o,
});

const outputs = (clients: Record<string, ClientOutput>, extra: Partial<StackOutputs> = {}): StackOutputs => ({
  stack: "dev", environment: "dev", region: "us-east-1", userPoolId: "us-east-1_x", userPoolArn: "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_x",
  issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x", jwksUri: "https://x/jwks", mfaConfiguration: "OPTIONAL",
  passwordPolicy: { minimumLength: 12, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
  customAttributes: ["customer_tier", "last_login"], groups: ["Administrators", "Customers"], clients, seedUsers: {}, appConfig: { version: "1.4" }, ...extra,
});

const SRP = "ALLOW_USER_SRP_AUTH";
const PW = "ALLOW_USER_PASSWORD_AUTH";

describe("tests/integration/plan", () => {
  it("picks the dev recipe's clients: public web for SRP, confidential backend for passwords and SECRET_HASH", () => {
    const p = planFlow(outputs({
      web: client({ clientId: "w", explicitAuthFlows: [SRP, "ALLOW_REFRESH_TOKEN_AUTH"] }),
      backend: client({ clientId: "b", kind: "server", clientSecret: "s", explicitAuthFlows: [SRP, PW] }),
      service: client({ clientId: "m", kind: "machine", clientSecret: "s2", explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"] }),
    }));
    assert.deepStrictEqual([p.srpClient.key, p.passwordClient?.key, p.noPasswordClient?.key, p.confidentialClient?.key], ["web", "backend", "web", "backend"]);
    assert.strictEqual(p.group, "Customers", "the least privileged group");
    assert.strictEqual(p.customAttribute, "customer_tier");
  });

  it("works with a single confidential client and no groups or attributes", () => {
    const p = planFlow(outputs({ api: client({ clientSecret: "s", explicitAuthFlows: [SRP] }) }, { groups: [], customAttributes: [] }));
    assert.strictEqual(p.srpClient.key, "api");
    assert.strictEqual(p.passwordClient, undefined);
    assert.strictEqual(p.group, undefined);
    assert.strictEqual(p.customAttribute, undefined);
  });

  it("refuses a stack with no SRP client, naming its clients", () => {
    assert.throws(() => planFlow(outputs({ service: client({ explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"] }) })), /no client that allows ALLOW_USER_SRP_AUTH \(clients: service\)/);
  });

  it("makes passwords that meet the policy, and ones only the length rule rejects", () => {
    const policy = outputs({}).passwordPolicy;
    for (let i = 0; i < 20; i++) {
      const p = strongPassword(policy);
      assert.ok(p.length >= 12 && /[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p) && /[^A-Za-z0-9]/.test(p), p);
    }
    const short = tooShortPassword(policy);
    assert.strictEqual(short.length, 11);
    assert.ok(/[a-z]/.test(short) && /[A-Z]/.test(short) && /\d/.test(short) && /[^A-Za-z0-9]/.test(short));
  });
});
