import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { EMULATED_TYPES, emulatorBackend } from "../../../../emulator/backend";
import { LOCAL_TYPES, NOT_EMULATED } from "../../../../emulator/backend/not-emulated";
import { OFFLINE_TYPES } from "../../../../offline/backend";
import { RESOURCE_TYPES } from "../../../../offline/resource-types";
import { type FakeAws, iamXml, startFakeAws } from "../fake-aws";

const POOL = RESOURCE_TYPES.userPool;

describe("emulator/backend", () => {
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({
      CreateUserPool: (p) => ({
        UserPool: {
          Id: "us-east-1_fake1",
          Arn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_fake1",
          Name: p.PoolName,
        },
      }),
      SetUserPoolMfaConfig: { MfaConfiguration: "OPTIONAL" },
      CreateUserPoolClient: (p) => ({
        UserPoolClient: {
          ClientId: "fakeclient1",
          ClientSecret: p.GenerateSecret ? "fake-secret" : undefined,
          ClientName: p.ClientName,
        },
      }),
      AdminCreateUser: {
        User: {
          Username: "3f1c",
          UserStatus: "FORCE_CHANGE_PASSWORD",
          Attributes: [{ Name: "sub", Value: "3f1c-sub" }],
        },
      },
      CreateRole: iamXml(
        "CreateRole",
        "<Role><Path>/</Path><RoleName>r</RoleName><RoleId>AROAFAKE</RoleId>" +
          "<Arn>arn:aws:iam::123456789012:role/r</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate></Role>",
      ),
    });
  });
  after(() => fake.close());
  beforeEach(() => fake.calls.splice(0));

  const backend = () => emulatorBackend({ endpoint: fake.endpoint, region: "us-east-1" });

  it("creates a pool with CreateUserPool then SetUserPoolMfaConfig and returns the emulator's id and ARN", async () => {
    const r = await backend().newResource({
      type: POOL,
      name: "cognito-pool-user-pool",
      inputs: {
        name: "cognito-auth-dev",
        mfaConfiguration: "OPTIONAL",
        softwareTokenMfaConfiguration: { enabled: true },
      },
    });
    assert.deepStrictEqual(
      fake.calls.map((c) => c.action),
      ["CreateUserPool", "SetUserPoolMfaConfig"],
    );
    assert.strictEqual(fake.calls[0].params.PoolName, "cognito-auth-dev");
    assert.deepStrictEqual(fake.calls[1].params, {
      UserPoolId: "us-east-1_fake1",
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    assert.strictEqual(r.id, "us-east-1_fake1");
    assert.strictEqual(r.state.arn, "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_fake1");
    assert.strictEqual(r.state.endpoint, "cognito-idp.us-east-1.amazonaws.com/us-east-1_fake1");
  });

  it("returns a client's real id and its secret as a Pulumi secret", async () => {
    const r = await backend().newResource({
      type: RESOURCE_TYPES.userPoolClient,
      name: "cognito-client-backend",
      inputs: { userPoolId: "us-east-1_fake1", name: "backend", generateSecret: true },
    });
    assert.strictEqual(r.id, "fakeclient1");
    const secret = r.state.clientSecret as pulumi.Output<string>;
    assert.ok(pulumi.Output.isInstance(secret));
    assert.strictEqual(await pulumi.isSecret(secret), true);
    assert.strictEqual(await new Promise((res) => secret.apply(res)), "fake-secret");
  });

  it("creates a seed user and reports its sub and status", async () => {
    const r = await backend().newResource({
      type: RESOURCE_TYPES.user,
      name: "u",
      inputs: {
        userPoolId: "p",
        username: "admin@example.com",
        temporaryPassword: "Aa1!aaaaaaaaaaaa",
        messageAction: "SUPPRESS",
      },
    });
    assert.deepStrictEqual(
      fake.calls.map((c) => c.action),
      ["AdminCreateUser"],
    );
    assert.strictEqual(r.id, "p/admin@example.com");
    assert.strictEqual(r.state.sub, "3f1c-sub");
    assert.strictEqual(r.state.status, "FORCE_CHANGE_PASSWORD");
  });

  it("creates an IAM role through the query API and returns its ARN", async () => {
    const r = await backend().newResource({
      type: RESOURCE_TYPES.role,
      name: "cognito-messaging-sms-role",
      inputs: { assumeRolePolicy: "{}" },
    });
    assert.strictEqual(fake.calls[0].action, "CreateRole");
    assert.match(String(fake.calls[0].params.RoleName), /^cognito-messaging-sms-role-[0-9a-f]{7}$/);
    assert.strictEqual(r.state.arn, "arn:aws:iam::123456789012:role/r");
    assert.strictEqual(r.state.uniqueId, "AROAFAKE");
  });

  it("lists a type the emulator lacks as not emulated and answers it from the offline backend", async () => {
    const b = backend();
    const r = await b.newResource({
      type: RESOURCE_TYPES.riskConfiguration,
      name: "risk",
      inputs: { userPoolId: "us-east-1_fake1" },
    });
    assert.strictEqual(r.id, "us-east-1_fake1");
    assert.deepStrictEqual(b.notEmulated, [
      {
        type: RESOURCE_TYPES.riskConfiguration,
        name: "risk",
        reason: NOT_EMULATED[RESOURCE_TYPES.riskConfiguration],
      },
    ]);
    assert.strictEqual(fake.calls.length, 0);
  });

  it("computes random values locally without listing them", async () => {
    const b = backend();
    const r = await b.newResource({
      type: RESOURCE_TYPES.randomString,
      name: "suffix",
      inputs: { length: 6 },
    });
    assert.strictEqual(String(r.state.result).length, 6);
    assert.deepStrictEqual(b.notEmulated, []);
  });

  it("refuses a type nobody handles, and names the resource when the emulator refuses a call", async () => {
    await assert.rejects(
      backend().newResource({ type: "aws:s3/bucket:Bucket", name: "b", inputs: {} }),
      /no handler for resource type aws:s3\/bucket:Bucket/,
    );
    await assert.rejects(
      backend().newResource({
        type: RESOURCE_TYPES.userGroup,
        name: "cognito-groups-Admins",
        inputs: { userPoolId: "p", name: "Admins" },
      }),
      /creating aws:cognito\/userGroup:UserGroup cognito-groups-Admins failed: .*no answer for CreateGroup/,
    );
  });

  it("accounts for every resource type the offline backend knows", () => {
    const known = new Set([...EMULATED_TYPES, ...Object.keys(NOT_EMULATED), ...LOCAL_TYPES]);
    assert.deepStrictEqual(
      OFFLINE_TYPES.filter((t) => !known.has(t)),
      [],
    );
  });
});
