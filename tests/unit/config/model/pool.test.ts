import * as assert from "node:assert";
import { hasChallengeTriggers, resolvePool } from "../../../../config/model/pool";
import { prodPreset } from "../../../../config/presets/prod";

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const challenge = {
  defineAuthChallenge: fn("define"),
  createAuthChallenge: fn("create"),
  verifyAuthChallengeResponse: fn("verify"),
};

describe("config/model/pool", () => {
  const prodPool = prodPreset("prod").pool;

  it("enforces threat protection on custom-auth sign-ins in prod when the challenge triggers are set", () => {
    assert.strictEqual(hasChallengeTriggers(challenge), true);
    assert.deepStrictEqual(resolvePool(prodPool, challenge, "prod").userPoolAddOns, {
      advancedSecurityMode: "ENFORCED",
      advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },
    });
  });

  it("leaves the mode unset without challenge triggers, outside prod, or when threat protection is off", () => {
    assert.strictEqual(resolvePool(prodPool, {}, "prod").userPoolAddOns.advancedSecurityAdditionalFlows, undefined);
    assert.strictEqual(
      resolvePool(prodPool, challenge, "dev").userPoolAddOns.advancedSecurityAdditionalFlows,
      undefined,
    );
    const off = { ...prodPool, userPoolAddOns: { advancedSecurityMode: "OFF" as const } };
    assert.strictEqual(resolvePool(off, challenge, "prod").userPoolAddOns.advancedSecurityAdditionalFlows, undefined);
  });

  it("keeps a mode the stack chose", () => {
    const audit = {
      ...prodPool,
      userPoolAddOns: {
        advancedSecurityMode: "ENFORCED" as const,
        advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" as const },
      },
    };
    assert.strictEqual(
      resolvePool(audit, challenge, "prod").userPoolAddOns.advancedSecurityAdditionalFlows?.customAuthMode,
      "AUDIT",
    );
  });
});
