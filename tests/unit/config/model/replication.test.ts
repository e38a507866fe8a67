import * as assert from "node:assert";
import { resolveReplication } from "../../../../config/model/replication";
import { TRIGGER_NAMES, triggersConfig } from "../../../../config/schema/triggers";

const cognitoDefault = { email: { emailSendingAccount: "COGNITO_DEFAULT" as const }, sms: { enabled: false } };

describe("config/model/replication", () => {
  it("is undefined without replication", () => {
    assert.strictEqual(resolveReplication(undefined, cognitoDefault), undefined);
  });

  it("creates the key unless one is given, uses the multi-Region issuer and makes replicas ACTIVE", () => {
    const r = resolveReplication({ regions: ["us-west-2"] }, cognitoDefault);
    assert.deepStrictEqual(r, {
      kmsKey: { create: true },
      issuer: "UPDATED",
      replicas: [
        {
          region: "us-west-2",
          status: "ACTIVE",
          email: { emailSendingAccount: "COGNITO_DEFAULT" },
          sms: undefined,
          triggers: {},
        },
      ],
    });
  });

  it("sends SMS through the replica's own region when the pool has SMS", () => {
    const r = resolveReplication(
      { regions: ["eu-west-1"], active: false },
      { ...cognitoDefault, sms: { enabled: true } },
    );
    assert.deepStrictEqual(r?.replicas[0].sms, { snsRegion: "eu-west-1" });
    assert.strictEqual(r?.replicas[0].status, "INACTIVE");
  });

  it("TRIGGER_NAMES lists every Lambda trigger of the triggers schema", () => {
    const schemaTriggers = Object.keys(triggersConfig.shape).filter(
      (k) => k !== "preTokenGenerationVersion" && k !== "kmsKeyId" && k !== "functions",
    );
    assert.deepStrictEqual([...TRIGGER_NAMES].sort(), schemaTriggers.sort());
  });
});
