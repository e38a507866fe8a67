import * as assert from "node:assert";
import {
  applyKeyConfiguration,
  type CloudControlLike,
  type KeyConfigurationInputs,
  keyConfigurationChanged,
  keyConfigurationPatch,
} from "../../../../components/replication/key-configuration";

const INPUTS: KeyConfigurationInputs = {
  userPoolId: "us-east-1_AbC123",
  region: "us-east-1",
  kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef",
  issuer: "UPDATED",
};

/** Answers UpdateResource with a token, then each status poll with the next of `statuses`; throws past them. */
function fakeCloudControl(statuses: Array<{ OperationStatus: string; StatusMessage?: string; ErrorCode?: string }>) {
  const updates: Array<{ TypeName: string; Identifier: string; PatchDocument: string }> = [];
  const polled: string[] = [];
  const cc: CloudControlLike = {
    async update(req) {
      updates.push(req);
      return "token-1";
    },
    async status(token) {
      polled.push(token);
      const s = statuses.shift();
      if (!s) throw new Error("unexpected status poll");
      return s;
    },
  };
  return { cc, updates, polled };
}

describe("components/replication/key-configuration", () => {
  it("patches only KeyConfiguration and IssuerConfiguration", () => {
    assert.deepStrictEqual(JSON.parse(keyConfigurationPatch(INPUTS)), [
      { op: "add", path: "/KeyConfiguration", value: { KeyType: "CUSTOMER_MANAGED_KEY", KmsKeyArn: INPUTS.kmsKeyArn } },
      { op: "add", path: "/IssuerConfiguration", value: { Type: "UPDATED" } },
    ]);
  });

  it("sends the patch for the pool and waits until Cloud Control reports success", async () => {
    const f = fakeCloudControl([{ OperationStatus: "IN_PROGRESS" }, { OperationStatus: "SUCCESS" }]);
    await applyKeyConfiguration(f.cc, INPUTS, { pollMs: 1 });
    assert.deepStrictEqual(f.updates, [
      {
        TypeName: "AWS::Cognito::UserPool",
        Identifier: INPUTS.userPoolId,
        PatchDocument: keyConfigurationPatch(INPUTS),
      },
    ]);
    assert.deepStrictEqual(f.polled, ["token-1", "token-1"]);
  });

  it("fails with Cloud Control's error when the patch fails", async () => {
    const f = fakeCloudControl([
      { OperationStatus: "FAILED", ErrorCode: "InvalidRequest", StatusMessage: "key not available in us-west-2" },
    ]);
    await assert.rejects(
      applyKeyConfiguration(f.cc, INPUTS, { pollMs: 1 }),
      /InvalidRequest key not available in us-west-2/,
    );
  });

  it("times out rather than waiting forever", async () => {
    const f = fakeCloudControl(Array.from({ length: 50 }, () => ({ OperationStatus: "IN_PROGRESS" })));
    await assert.rejects(applyKeyConfiguration(f.cc, INPUTS, { pollMs: 1, timeoutMs: 5 }), /timed out/);
  });

  it("re-applies when the key, issuer or pool changes (also any pool update, via lastModifiedDate)", () => {
    assert.strictEqual(keyConfigurationChanged(INPUTS, { ...INPUTS }), false);
    assert.strictEqual(keyConfigurationChanged(INPUTS, { ...INPUTS, issuer: "ORIGINAL" }), true);
    assert.strictEqual(keyConfigurationChanged(INPUTS, { ...INPUTS, kmsKeyArn: `${INPUTS.kmsKeyArn}0` }), true);
    assert.strictEqual(keyConfigurationChanged(INPUTS, { ...INPUTS, poolLastModified: "2026-12-02T06:00:00Z" }), true);
  });
});
