import * as assert from "node:assert";
import { RESOURCE_TYPES as T } from "../../../../offline/resource-types";
import type { RunResult } from "../../../../offline/runner";
import { one, runStack } from "../../helpers";

interface Statement {
  Sid: string;
  Principal: Record<string, string>;
  Action: string | string[];
  Condition?: Record<string, Record<string, string>>;
}
const statements = (json: unknown): Statement[] => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;

describe("components/replication/kms-key", () => {
  let run: RunResult;
  before(async () => {
    run = await runStack("replicated", "tests/fixtures/replicated");
  });

  it("creates a rotating multi-Region key, kept on prod (a deleted key makes the pool unreadable)", () => {
    const key = one(run, T.kmsKey);
    assert.strictEqual(key.inputs.multiRegion, true);
    assert.strictEqual(key.inputs.enableKeyRotation, true);
    assert.strictEqual(key.inputs.deletionWindowInDays, 30);
    assert.strictEqual(key.protect, true);
    assert.strictEqual(key.retainOnDelete, true);
  });

  it("replicates the key into the replica region through the resource's region, with the same policy", () => {
    const key = one(run, T.kmsKey);
    const replica = one(run, T.kmsReplicaKey);
    assert.strictEqual(replica.inputs.region, "us-west-2");
    assert.strictEqual(replica.inputs.primaryKeyArn, key.state.arn);
    assert.strictEqual(replica.inputs.policy, key.inputs.policy);
    assert.strictEqual(replica.provider, undefined, "no extra aws provider");
  });

  it("lets Cognito use the key only for this account's user pools", () => {
    const [admin, cognito] = statements(one(run, T.kmsKey).inputs.policy);
    assert.deepStrictEqual(admin.Principal, { AWS: "arn:aws:iam::123456789012:root" });
    assert.deepStrictEqual(cognito.Principal, { Service: "cognito-idp.amazonaws.com" });
    assert.ok(Array.isArray(cognito.Action) && !cognito.Action.includes("kms:*"), "Cognito gets named actions only");
    assert.deepStrictEqual(cognito.Condition, {
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:cognito-idp:*:123456789012:userpool/*" },
    });
  });
});
