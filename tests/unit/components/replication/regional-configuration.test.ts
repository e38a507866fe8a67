import * as assert from "node:assert";
import { resourceKey } from "../../../../offline/recorded-resource";
import { RESOURCE_TYPES as T } from "../../../../offline/resource-types";
import type { RunResult } from "../../../../offline/runner";
import { ofType, one, runStack } from "../../helpers";

const fn = (name: string, region: string) => `arn:aws:lambda:${region}:123456789012:function:${name}`;

describe("components/replication/regional-configuration", () => {
  let prod: RunResult;
  let dev: RunResult;
  before(async () => {
    prod = await runStack("replicated", "tests/fixtures/replicated");
    dev = await runStack("dev", undefined, {
      "cognito-auth:messaging": JSON.stringify({
        email: { emailSendingAccount: "COGNITO_DEFAULT" },
        sms: { enabled: true },
      }),
      "cognito-auth:triggers": JSON.stringify({
        preTokenGeneration: fn("claims", "us-east-1"),
        preTokenGenerationVersion: "V2_0",
      }),
      "cognito-auth:replication": JSON.stringify({
        regions: ["eu-west-1"],
        active: false,
        regional: {
          "eu-west-1": {
            triggers: { preTokenGeneration: fn("claims", "eu-west-1"), preTokenGenerationVersion: "V2_0" },
          },
        },
      }),
    });
  });

  it("attaches, in the replica region, the SES identity there and the primary's sender", () => {
    const a = one(prod, T.userPoolRegionalConfiguration);
    assert.strictEqual(a.inputs.userPoolId, one(prod, T.userPool).id);
    assert.strictEqual(a.inputs.status, "ACTIVE");
    assert.deepStrictEqual(a.inputs.emailConfiguration, {
      emailSendingAccount: "DEVELOPER",
      sourceArn: "arn:aws:ses:us-west-2:123456789012:identity/auth.example.com",
      from: "Example Auth <no-reply@auth.example.com>",
      replyToEmailAddress: "support@example.com",
    });
    const provider = prod.resources.find((r) => resourceKey(r) === a.provider);
    assert.strictEqual(provider?.inputs.region, "us-west-2");
    assert.strictEqual(a.inputs.smsConfiguration, undefined, "the prod fixture has no SMS");
  });

  it("gives the replica its own SMS role, trusted only by this account's pools in its region", () => {
    const a = one(dev, T.userPoolRegionalConfiguration);
    const role = one(dev, T.role, "-eu-west-1-sms-role");
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy)) as {
      Statement: Array<{ Condition: { StringEquals: Record<string, string>; ArnLike: Record<string, string> } }>;
    };
    const c = trust.Statement[0].Condition;
    assert.match(c.StringEquals["sts:ExternalId"], /^[0-9a-f-]{36}$/);
    assert.strictEqual(c.StringEquals["aws:SourceAccount"], "123456789012");
    assert.strictEqual(c.ArnLike["aws:SourceArn"], "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/*");
    assert.deepStrictEqual(a.inputs.smsConfiguration, {
      snsCallerArn: role.state.arn,
      externalId: c.StringEquals["sts:ExternalId"],
      snsRegion: "eu-west-1",
    });
    assert.ok(a.dependsOn.includes(resourceKey(one(dev, T.rolePolicy, "-eu-west-1-sms-publish"))));
    assert.strictEqual(a.inputs.status, "INACTIVE");
  });

  it("runs the region's own triggers and lets only the replica invoke them, in that region", () => {
    const a = one(dev, T.userPoolRegionalConfiguration);
    assert.deepStrictEqual(a.inputs.lambdaConfig, {
      preTokenGenerationConfig: { lambdaArn: fn("claims", "eu-west-1"), lambdaVersion: "V2_0" },
    });
    const perms = ofType(dev, T.lambdaPermission).filter((p) => p.name.includes("-eu-west-1-"));
    assert.strictEqual(perms.length, 1);
    const poolId = String(one(dev, T.userPool).id);
    assert.deepStrictEqual(perms[0].inputs, {
      region: "eu-west-1",
      action: "lambda:InvokeFunction",
      function: fn("claims", "eu-west-1"),
      principal: "cognito-idp.amazonaws.com",
      sourceArn: `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${poolId}`,
      sourceAccount: "123456789012",
    });
    assert.ok(a.dependsOn.includes(resourceKey(perms[0])));
  });
});
