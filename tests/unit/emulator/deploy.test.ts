import * as assert from "node:assert";
import { type DeployResult, deployToEmulator } from "../../../emulator/deploy";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import { type FakeAws, iamXml, startFakeAws } from "./fake-aws";

/** Answers every call a dev deploy makes, with recognisable ids, so the test can see they reach the outputs. */
async function fakeEmulator(): Promise<FakeAws> {
  let clients = 0;
  const associated = new Map<string, string>();
  return startFakeAws({
    CreateUserPool: {
      UserPool: {
        Id: "us-east-1_FAKEPOOL",
        Arn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_FAKEPOOL",
      },
    },
    SetUserPoolMfaConfig: {},
    CreateUserPoolClient: (p) => ({
      UserPoolClient: {
        ClientId: `fakeclient${++clients}`,
        ClientName: p.ClientName,
        ClientSecret: p.GenerateSecret ? `secret-of-${String(p.ClientName)}` : undefined,
      },
    }),
    CreateUserPoolDomain: { CloudFrontDomain: "d111.cloudfront.net" },
    CreateResourceServer: {},
    CreateGroup: {},
    AdminCreateUser: { User: { UserStatus: "FORCE_CHANGE_PASSWORD", Attributes: [{ Name: "sub", Value: "sub-1" }] } },
    AdminAddUserToGroup: {},
    CreateIdentityPool: {
      IdentityPoolId: "us-east-1:fake-identity-pool",
      IdentityPoolName: "p",
      AllowUnauthenticatedIdentities: false,
    },
    CreateRole: (p) =>
      iamXml(
        "CreateRole",
        `<Role><Path>/</Path><RoleName>${String(p.RoleName)}</RoleName><RoleId>AROA1</RoleId>` +
          `<Arn>arn:aws:iam::123456789012:role/${String(p.RoleName)}</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></Role>`,
      ),
    PutRolePolicy: iamXml("PutRolePolicy", ""),
    CreateLogGroup: {},
    PutRetentionPolicy: {},
    PutResourcePolicy: {},
    CreateWebACL: (p) => ({
      Summary: {
        Name: p.Name,
        Id: "fake-acl-id",
        ARN: `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/${String(p.Name)}/fake-acl-id`,
        LockToken: "t",
      },
    }),
    AssociateWebACL: (p) => {
      associated.set(String(p.ResourceArn), String(p.WebACLArn));
      return {};
    },
    GetWebACLForResource: (p) => ({ WebACL: { ARN: associated.get(String(p.ResourceArn)) } }),
    PutLoggingConfiguration: (p) => p,
    PutMetricAlarm: {},
    PutDashboard: {},
    CreateTopic: (p) =>
      iamXml("CreateTopic", `<TopicArn>arn:aws:sns:us-east-1:123456789012:${String(p.Name)}</TopicArn>`),
    CreateKey: (p) => ({
      KeyMetadata: {
        KeyId: p.MultiRegion ? "mrk-fake" : "fake-key",
        Arn: `arn:aws:kms:us-east-1:123456789012:key/${p.MultiRegion ? "mrk-fake" : "fake-key"}`,
      },
    }),
    EnableKeyRotation: {},
    SetTopicAttributes: iamXml("SetTopicAttributes", ""),
    Subscribe: (p) => iamXml("Subscribe", `<SubscriptionArn>${String(p.TopicArn)}:sub-1</SubscriptionArn>`),
  });
}

describe("emulator/deploy", () => {
  let fake: FakeAws;
  let dev: DeployResult;
  before(async () => {
    fake = await fakeEmulator();
    dev = await deployToEmulator({ stack: "dev", endpoint: fake.endpoint });
  });
  after(() => fake.close());

  it("creates the dev stack's resources through the API and nothing the fake did not expect", () => {
    const actions = fake.calls.map((c) => c.action);
    for (const a of [
      "CreateUserPool",
      "SetUserPoolMfaConfig",
      "CreateUserPoolDomain",
      "CreateResourceServer",
      "CreateIdentityPool",
      "CreateRole",
      "PutRolePolicy",
    ]) {
      assert.ok(actions.includes(a), `${a} was called`);
    }
    assert.strictEqual(actions.filter((a) => a === "CreateUserPoolClient").length, 3);
    assert.strictEqual(actions.filter((a) => a === "CreateGroup").length, 3);
    assert.strictEqual(actions.filter((a) => a === "AdminCreateUser").length, 2);
    assert.strictEqual(actions.filter((a) => a === "AdminAddUserToGroup").length, 2);
    // The trigger functions' and the API's log groups, each with its retention.
    const groups = fake.calls.filter((c) => c.action === "CreateLogGroup").map((c) => c.params.logGroupName);
    assert.ok(groups.length > 0);
    assert.deepStrictEqual(
      fake.calls.filter((c) => c.action === "PutRetentionPolicy").map((c) => c.params.logGroupName),
      groups,
    );
  });

  it("creates children in the pool the emulator returned", () => {
    for (const c of fake.calls.filter((x) =>
      ["CreateUserPoolClient", "CreateGroup", "AdminCreateUser", "CreateUserPoolDomain"].includes(x.action),
    )) {
      assert.strictEqual(c.params.UserPoolId, "us-east-1_FAKEPOOL", c.action);
    }
  });

  it("returns outputs carrying the emulator's ids and secrets", () => {
    const o = dev.outputs;
    assert.strictEqual(o.userPoolId, "us-east-1_FAKEPOOL");
    assert.strictEqual(o.issuer, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FAKEPOOL");
    assert.strictEqual(o.identityPoolId, "us-east-1:fake-identity-pool");
    assert.match(o.clients.web.clientId, /^fakeclient\d$/);
    assert.strictEqual(o.clientSecrets.web, undefined);
    assert.strictEqual(o.clientSecrets.backend, "secret-of-backend");
    assert.ok(dev.secretOutputPaths.includes("clientSecrets"));
  });

  it("lists what the emulator cannot host instead of dropping it", () => {
    const types = [...new Set(dev.notEmulated.map((n) => n.type))].sort();
    assert.deepStrictEqual(
      types,
      [
        RESOURCE_TYPES.identityPoolRoleAttachment,
        RESOURCE_TYPES.managedLoginBranding,
        // The dev stack's trigger functions and protected API (moto runs no function code).
        RESOURCE_TYPES.httpApi,
        RESOURCE_TYPES.apiAuthorizer,
        RESOURCE_TYPES.apiIntegration,
        RESOURCE_TYPES.apiRoute,
        RESOURCE_TYPES.apiStage,
        RESOURCE_TYPES.lambdaFunction,
        RESOURCE_TYPES.lambdaPermission,
      ].sort(),
    );
    assert.ok(dev.notEmulated.every((n) => n.reason.length > 10));
    assert.strictEqual(dev.regionNote, undefined);
  });

  it("creates the operations resources in the pool and topic the emulator returned", async () => {
    const before = fake.calls.length;
    const ops = await deployToEmulator({
      stack: "operations",
      stackDir: "tests/fixtures/operations",
      endpoint: fake.endpoint,
    });
    const calls = fake.calls.slice(before);
    const of = (action: string) => calls.filter((c) => c.action === action);
    const aclName = String(of("CreateWebACL")[0]?.params.Name);
    assert.strictEqual(
      ops.outputs.operations?.webAclArn,
      `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/${aclName}/fake-acl-id`,
    );
    assert.deepStrictEqual(of("AssociateWebACL")[0]?.params, {
      WebACLArn: ops.outputs.operations?.webAclArn,
      ResourceArn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_FAKEPOOL",
    });
    const topic = ops.outputs.operations?.alarmTopicArn;
    assert.match(topic ?? "", /^arn:aws:sns:us-east-1:123456789012:/);
    assert.ok(of("PutMetricAlarm").length >= 3);
    const poolRefs: string[] = [];
    for (const a of of("PutMetricAlarm")) {
      assert.deepStrictEqual(a.params.AlarmActions, [topic]);
      const metrics = a.params.Metrics as {
        Expression?: string;
        MetricStat?: { Metric: { Dimensions?: { Name: string; Value: string }[] } };
      }[];
      for (const m of metrics) {
        poolRefs.push(
          ...(m.MetricStat?.Metric.Dimensions ?? [])
            .filter((d) => d.Name === "UserPool" || d.Name === "UserPoolId")
            .map((d) => d.Value),
          ...[...(m.Expression ?? "").matchAll(/\bUserPool(?:Id)? = '([^']*)'/g)].map((x) => x[1]),
        );
      }
    }
    // A pool is named by a metric's dimension or in a Metrics Insights query's WHERE clause.
    assert.ok(poolRefs.length >= 4, `${poolRefs.length} alarm queries name a pool`);
    assert.deepStrictEqual([...new Set(poolRefs)], ["us-east-1_FAKEPOOL"]);
    assert.strictEqual(of("SetTopicAttributes")[0]?.params.TopicArn, topic);
    assert.strictEqual(of("Subscribe")[0]?.params.Endpoint, "oncall@example.com");
    assert.deepStrictEqual(
      [...new Set(ops.notEmulated.map((n) => n.type))]
        .filter((t) => t.includes("cognito/log") || t.includes("kms"))
        .sort(),
      [RESOURCE_TYPES.logDeliveryConfiguration],
    );
    assert.deepStrictEqual(
      of("CreateTopic")[0]?.params["Attributes.entry.1.value"],
      "arn:aws:kms:us-east-1:123456789012:key/fake-key",
      "the topic is encrypted with the key the emulator created",
    );
  });

  it("lists multi-Region replication as not emulated (moto has no replicas), but creates the primary key", async () => {
    const replicated = await deployToEmulator({
      stack: "replicated",
      stackDir: "tests/fixtures/replicated",
      endpoint: fake.endpoint,
    });
    const replication = [
      RESOURCE_TYPES.kmsReplicaKey,
      RESOURCE_TYPES.userPoolKeyConfiguration,
      RESOURCE_TYPES.userPoolReplica,
      RESOURCE_TYPES.userPoolRegionalConfiguration,
    ];
    for (const t of replication) {
      const n = replicated.notEmulated.filter((x) => x.type === t);
      assert.strictEqual(n.length, 1, t);
      assert.match(n[0].reason, /multi-Region replication is not emulated/);
    }
    // moto hosts the multi-Region primary key itself; only its replica in another region is not.
    const keys = replicated.emulated.filter((e) => e.type === RESOURCE_TYPES.kmsKey).map((e) => e.id);
    assert.ok(keys.includes("mrk-fake"), keys.join(", "));
  });
});
