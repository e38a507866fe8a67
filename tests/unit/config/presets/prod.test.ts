import * as assert from "node:assert";
import { PRESETS } from "../../../../config/presets";

describe("config/presets/prod", () => {
  it("prod: MFA ON, enforced threat protection on PLUS, deletion protection and protect, SES email, no seed users", () => {
    const p = PRESETS.prod("prod");
    assert.strictEqual(p.pool.mfaConfiguration, "ON");
    assert.strictEqual(p.pool.userPoolTier, "PLUS");
    assert.strictEqual(p.pool.userPoolAddOns.advancedSecurityMode, "ENFORCED");
    assert.ok(p.pool.riskConfiguration);
    assert.strictEqual(p.pool.deletionProtection, "ACTIVE");
    assert.strictEqual(p.pool.protect, true);
    assert.strictEqual(p.messaging.email.emailSendingAccount, "DEVELOPER");
    assert.deepStrictEqual(p.seedUsers, {});
  });
  it("prod has no localhost URL anywhere", () => {
    assert.doesNotMatch(JSON.stringify(PRESETS.prod("prod")), /localhost|127\.0\.0\.1/);
  });
});
