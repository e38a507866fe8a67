import * as assert from "node:assert";
import {
  appClients,
  describePool,
  type PoolFacts,
  planFlow,
  strongPassword,
  tooShortPassword,
} from "../../../check/subjects";
import type { ClientOutput, StackOutputs } from "../../../outputs/stack-outputs";
import { parseStackOutputs } from "../../../outputs/stack-outputs-schema";
import { runStack } from "../helpers";
import { startFakeCognito } from "./fake-cognito";

/** A client output; `clientSecret` (a confidential client's) goes into the outputs' clientSecrets. */
type TestClient = Partial<ClientOutput> & { clientSecret?: string };
const client = (o: TestClient): TestClient & ClientOutput => ({
  clientId: "id",
  kind: "web",
  generateSecret: o.clientSecret !== undefined,
  explicitAuthFlows: [],
  allowedOauthFlows: [],
  allowedOauthScopes: [],
  callbackUrls: [],
  logoutUrls: [],
  preventUserExistenceErrors: "ENABLED",
  readAttributes: [],
  ...o,
});

/** Each client's output in `clients`, its secret (if any) in `clientSecrets`, as the stack outputs them. */
const outputs = (
  clients: Record<string, TestClient & ClientOutput>,
  extra: Partial<StackOutputs> = {},
): StackOutputs => ({
  stack: "dev",
  environment: "dev",
  region: "us-east-1",
  userPoolId: "us-east-1_x",
  userPoolArn: "arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_x",
  issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x",
  jwksUri: "https://x/jwks",
  mfaConfiguration: "OPTIONAL",
  passwordPolicy: {
    minimumLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireNumbers: true,
    requireSymbols: true,
  },
  customAttributes: ["customer_tier", "last_login"],
  groups: ["Administrators", "Customers"],
  clients: Object.fromEntries(
    Object.entries(clients).map(([key, c]) => {
      const plain: TestClient = { ...c };
      delete plain.clientSecret;
      return [key, plain as ClientOutput];
    }),
  ),
  clientSecrets: Object.fromEntries(
    Object.entries(clients).flatMap(([key, c]) => (c.clientSecret ? [[key, c.clientSecret]] : [])),
  ),
  seedUsers: {},
  seedUserPasswords: {},
  samlServiceProvider: { entityId: "urn:amazon:cognito:sp:us-east-1_x" },
  resourceServers: {},
  appConfig: { version: "1.4" },
  ...extra,
});

const FACTS: PoolFacts = {
  customAttributes: {
    customer_tier: { type: "String", maxLength: 32, minLength: 1, developerOnly: false },
    last_login: { type: "DateTime", developerOnly: false },
  },
  tracksDevices: true,
};

const SRP = "ALLOW_USER_SRP_AUTH";
const PW = "ALLOW_USER_PASSWORD_AUTH";
const web = client({ clientId: "w", explicitAuthFlows: [SRP, "ALLOW_REFRESH_TOKEN_AUTH"] });
const backend = client({ clientId: "b", kind: "server", clientSecret: "s", explicitAuthFlows: [SRP, PW] });

describe("check/subjects", () => {
  it("picks the dev recipe's clients: public web for SRP, confidential backend for passwords, SECRET_HASH and unknown users", () => {
    const p = planFlow(
      outputs({
        web,
        backend,
        service: client({
          clientId: "m",
          kind: "machine",
          clientSecret: "s2",
          explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      }),
      FACTS,
    );
    assert.deepStrictEqual(
      [
        p.srpClient.key,
        p.passwordClient?.key,
        p.existenceHidingClient?.key,
        p.noPasswordClient?.key,
        p.confidentialClient?.key,
      ],
      ["web", "backend", "backend", "web", "backend"],
    );
    assert.strictEqual(p.group, "Customers", "the least privileged group");
    assert.strictEqual(p.customAttribute, "customer_tier");
    assert.strictEqual(p.tracksDevices, true);
    assert.deepStrictEqual(p.skipped, {});
  });

  it("plans the committed dev stack's real outputs (preventUserExistenceErrors and readAttributes included)", async () => {
    const o = parseStackOutputs((await runStack("dev")).outputs, "offline dev");
    assert.deepStrictEqual(
      [o.clients.web.preventUserExistenceErrors, o.clients.backend.preventUserExistenceErrors],
      ["ENABLED", "ENABLED"],
    );
    assert.ok(o.clients.web.readAttributes.includes("custom:customer_tier"));
    assert.deepStrictEqual(
      o.clients.service.readAttributes,
      [],
      "machine clients read nothing explicitly (Cognito's default: all)",
    );
    const p = planFlow(o, FACTS);
    assert.deepStrictEqual(
      [p.srpClient.key, p.existenceHidingClient?.key, p.customAttribute],
      ["web", "backend", "customer_tier"],
    );
  });

  it("takes each confidential client's secret from the secret output clientSecrets, by client key", async () => {
    const o = parseStackOutputs((await runStack("dev")).outputs, "offline dev");
    assert.ok(!("clientSecret" in o.clients.backend), "the plain client output holds no secret");
    const clients = appClients(o);
    assert.deepStrictEqual(
      clients.map((c) => [c.key, c.clientSecret]),
      [
        ["web", undefined],
        ["backend", o.clientSecrets.backend],
        ["service", o.clientSecrets.service],
      ],
    );
    assert.ok(o.clientSecrets.backend.length > 20);
    const p = planFlow(o, FACTS);
    assert.strictEqual(p.confidentialClient?.clientSecret, o.clientSecrets.backend);
    assert.strictEqual(p.srpClient.clientSecret, undefined);
  });

  it("refuses a confidential client whose secret is missing from clientSecrets", () => {
    const o = outputs({ web, backend });
    assert.throws(
      () => planFlow({ ...o, clientSecrets: {} }, FACTS),
      /client backend is confidential \(generateSecret\), but the output clientSecrets has no secret for it/,
    );
  });

  it("hides-unknown-users checks only on a client with preventUserExistenceErrors ENABLED, else says why", () => {
    const legacy = { ...backend, preventUserExistenceErrors: "LEGACY" as const };
    const p = planFlow(outputs({ web, backend: legacy }), FACTS);
    assert.strictEqual(p.passwordClient?.key, "backend");
    assert.strictEqual(p.existenceHidingClient, undefined);
    assert.match(
      p.skipped["same-answer-for-unknown-user"],
      /no client that allows USER_PASSWORD_AUTH has preventUserExistenceErrors ENABLED \(backend: LEGACY\)/,
    );
    const other = planFlow(
      outputs({ web, backend: legacy, api: client({ clientId: "a", explicitAuthFlows: [PW] }) }),
      FACTS,
    );
    assert.strictEqual(other.existenceHidingClient?.key, "api");
  });

  it("chooses a String attribute both sign-in clients can read, skipping others with the reason", () => {
    const attrs = ["last_login", "score", "secret_tier", "customer_tier"];
    const facts: PoolFacts = {
      ...FACTS,
      customAttributes: {
        ...FACTS.customAttributes,
        score: { type: "Number", developerOnly: false },
        secret_tier: { type: "String", developerOnly: true },
      },
    };
    assert.strictEqual(
      planFlow(outputs({ web, backend }, { customAttributes: attrs }), facts).customAttribute,
      "customer_tier",
    );

    const unreadable = planFlow(
      outputs({ web: { ...web, readAttributes: ["email"] }, backend }, { customAttributes: attrs }),
      facts,
    );
    assert.strictEqual(unreadable.customAttribute, undefined);
    assert.strictEqual(
      unreadable.skipped["custom-attribute"],
      "no custom attribute fits: last_login is a DateTime; score is a Number; secret_tier is developer-only; customer_tier is not readable by client web",
    );

    const short = planFlow(outputs({ web, backend }, { customAttributes: ["customer_tier"] }), {
      ...facts,
      customAttributes: { customer_tier: { type: "String", maxLength: 8, developerOnly: false } },
    });
    assert.match(short.skipped["custom-attribute"], /customer_tier cannot hold "tier-<n>"/);
    assert.match(
      planFlow(outputs({ web }, { customAttributes: ["gone"] }), facts).skipped["custom-attribute"],
      /gone is not in the pool's schema/,
    );
    assert.match(
      planFlow(outputs({ web }, { customAttributes: [] }), facts).skipped["custom-attribute"],
      /has no custom attributes/,
    );
  });

  it("works with a single confidential client and no groups or attributes", () => {
    const p = planFlow(
      outputs({ api: client({ clientSecret: "s", explicitAuthFlows: [SRP] }) }, { groups: [], customAttributes: [] }),
      { customAttributes: {}, tracksDevices: false },
    );
    assert.strictEqual(p.srpClient.key, "api");
    assert.strictEqual(p.passwordClient, undefined);
    assert.strictEqual(p.group, undefined);
    assert.strictEqual(p.customAttribute, undefined);
    assert.strictEqual(p.skipped["same-answer-for-unknown-user"], "no client allows USER_PASSWORD_AUTH");
  });

  it("refuses a stack with no SRP client, naming its clients", () => {
    assert.throws(
      () => planFlow(outputs({ service: client({ explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"] }) }), FACTS),
      /no client that allows ALLOW_USER_SRP_AUTH \(clients: service\)/,
    );
  });

  it("reads attribute types and device tracking from DescribeUserPool", async () => {
    const fc = await startFakeCognito();
    try {
      assert.deepStrictEqual(await describePool(fc.target), {
        customAttributes: {
          last_login: { type: "DateTime", developerOnly: false },
          customer_tier: { type: "String", maxLength: 32, minLength: 1, developerOnly: false },
        },
        tracksDevices: true,
      });
    } finally {
      await fc.close();
    }
    const untracked = await startFakeCognito({ faults: { noDeviceConfiguration: true } });
    try {
      assert.strictEqual((await describePool(untracked.target)).tracksDevices, false);
    } finally {
      await untracked.close();
    }
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
