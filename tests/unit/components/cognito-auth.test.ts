import * as assert from "node:assert";
import { CognitoAuth } from "../../../components/cognito-auth";
import { resourceKey } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { load, recordingMocks, runStack, settled } from "../helpers";

describe("components/cognito-auth", () => {
  const runs: RunResult[] = [];
  before(async () => {
    runs.push(await runStack("dev"), await runStack("prod"));
  });

  it("creates no resource inside an apply or a promise callback", () => {
    for (const run of runs) assert.deepStrictEqual(run.createdLate, [], `stack ${run.stack}`);
  });

  it("parents every resource, directly or through components, to the one CognitoAuth component", () => {
    for (const run of runs) {
      const byKey = new Map(run.resources.map((r) => [resourceKey(r), r]));
      const roots = run.resources.filter((r) => r.parent === undefined);
      assert.deepStrictEqual(roots.map(resourceKey), ["cognito-auth:index:CognitoAuth::cognito"], `stack ${run.stack}`);
      for (const r of run.resources.filter((x) => x.custom)) {
        const parent = r.parent ? byKey.get(r.parent) : undefined;
        assert.ok(parent && !parent.custom, `${resourceKey(r)} has a component parent (got ${r.parent})`);
      }
    }
  });

  it("exports the outputs an application needs", () => {
    for (const run of runs) {
      const o = run.outputs;
      assert.match(String(o.userPoolId), /^us-east-1_/);
      assert.strictEqual(o.issuer, `https://cognito-idp.us-east-1.amazonaws.com/${String(o.userPoolId)}`);
      assert.strictEqual(o.jwksUri, `${String(o.issuer)}/.well-known/jwks.json`);
      assert.strictEqual(o.region, "us-east-1");
      assert.deepStrictEqual(o.groups, ["Administrators", "PremiumCustomers", "Customers"]);
      assert.deepStrictEqual(o.customAttributes, ["customer_tier", "last_login", "subscription_status"]);
    }
  });

  it("applies a transform to a child resource's args", async () => {
    const created = await recordingMocks();
    const auth = new CognitoAuth("t", {
      config: load("dev", {}),
      transform: {
        userPool: {
          userPool: (args) => {
            args.userPoolAddOns = { advancedSecurityMode: "AUDIT" };
          },
        },
        messaging: { smsRole: { description: "custom" } },
      },
    });
    await settled(auth.pool.userPool.id);
    await settled(auth.messaging.smsRole?.arn ?? assert.fail("dev has an SMS role"));
    const pool = created.find((r) => r.type === "aws:cognito/userPool:UserPool");
    const role = created.find((r) => r.type === "aws:iam/role:Role" && r.name.endsWith("-sms-role"));
    assert.deepStrictEqual(pool?.inputs.userPoolAddOns, { advancedSecurityMode: "AUDIT" });
    assert.strictEqual(role?.inputs.description, "custom");
  });
});
