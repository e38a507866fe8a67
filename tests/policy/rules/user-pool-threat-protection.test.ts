import {
  plusTier,
  threatProtection,
  threatProtectionCustomAuth,
} from "../../../policy/rules/user-pool-threat-protection";
import { goodPool } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  checkResource,
  T,
  UNKNOWN,
  withProp,
} from "../harness";

const pool = (path: string, value: unknown) => withProp(goodPool(), path, value);
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:auth-challenge";

describe("policy cognito-user-pool-threat-protection (U5)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(threatProtection, T.userPool, props, { config });

  it("fails a pool with no add-ons (threat protection off)", async () =>
    assertViolation(await check(pool("userPoolAddOns", undefined)), "not set (OFF)"));
  it("fails OFF and AUDIT (Prowler: AUDIT only logs)", async () => {
    assertViolation(await check(pool("userPoolAddOns.advancedSecurityMode", "OFF")), '"OFF"');
    assertViolation(await check(pool("userPoolAddOns.advancedSecurityMode", "AUDIT")), "must be ENFORCED");
  });
  it("passes ENFORCED, in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("userPoolAddOns.advancedSecurityMode", "Enforced")));
  });
  it("securityMode AUDIT (the Security Hub parameter) accepts AUDIT, still fails OFF", async () => {
    assertPass(await check(pool("userPoolAddOns.advancedSecurityMode", "AUDIT"), { securityMode: "AUDIT" }));
    assertViolation(
      await check(pool("userPoolAddOns.advancedSecurityMode", "OFF"), { securityMode: "AUDIT" }),
      "AUDIT or ENFORCED",
    );
  });
  it("is not applicable to a risk configuration", async () =>
    assertNotApplicable(await checkResource(threatProtection, T.riskConfiguration, {})));
  it("reads only the mode during preview", async () => {
    assertPass(await check(pool("userPoolTier", UNKNOWN.string)));
    assertUnknown(
      await check(pool("userPoolAddOns.advancedSecurityMode", UNKNOWN.string)),
      "userPoolAddOns.advancedSecurityMode",
    );
  });
});

describe("policy cognito-user-pool-threat-protection-custom-auth (U6)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(threatProtectionCustomAuth, T.userPool, props, { config });
  const custom = (mode?: string) =>
    withProp(
      pool("lambdaConfig", {
        defineAuthChallenge: LAMBDA,
        createAuthChallenge: LAMBDA,
        verifyAuthChallengeResponse: LAMBDA,
      }),
      "userPoolAddOns.advancedSecurityAdditionalFlows",
      mode === undefined ? undefined : { customAuthMode: mode },
    );

  it("is not applicable without custom-auth triggers", async () => {
    assertNotApplicable(await check(goodPool()), "no custom-auth triggers");
    assertNotApplicable(await check(pool("lambdaConfig", { preSignUp: LAMBDA })));
  });
  it("fails custom-auth triggers with customAuthMode absent (AUDIT) or AUDIT", async () => {
    assertViolation(await check(custom()), "not set (AUDIT)");
    assertViolation(await check(custom("AUDIT")), "AUDIT");
  });
  it("passes ENFORCED, in any case", async () => {
    assertPass(await check(custom("ENFORCED")));
    assertPass(await check(custom("enforced")));
  });
  it("customAuthMode AUDIT in config flips AUDIT to a pass", async () =>
    assertPass(await check(custom("AUDIT"), { customAuthMode: "AUDIT" })));
  it("is not applicable to an app client", async () =>
    assertNotApplicable(await checkResource(threatProtectionCustomAuth, T.userPoolClient, {})));
  it("counts a trigger whose ARN is unknown during preview as set", async () => {
    assertViolation(await check(pool("lambdaConfig", { defineAuthChallenge: UNKNOWN.string })), "custom-auth triggers");
  });
  it("cannot decide while the mode it needs is unknown", async () => {
    assertUnknown(
      await check(withProp(custom(), "userPoolAddOns.advancedSecurityAdditionalFlows", UNKNOWN.object)),
      "userPoolAddOns.advancedSecurityAdditionalFlows",
    );
  });
});

describe("policy cognito-user-pool-plus-tier (U7)", () => {
  const check = (props: Record<string, unknown>) => checkResource(plusTier, T.userPool, props);

  it("fails a pool without a tier (ESSENTIALS for new pools)", async () =>
    assertViolation(await check(pool("userPoolTier", undefined)), "not set"));
  it("fails LITE and ESSENTIALS", async () => {
    assertViolation(await check(pool("userPoolTier", "LITE")), '"LITE"');
    assertViolation(await check(pool("userPoolTier", "ESSENTIALS")), '"ESSENTIALS"');
  });
  it("passes PLUS, in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("userPoolTier", "plus")));
  });
  it("is not applicable to a role", async () =>
    assertNotApplicable(await checkResource(plusTier, T.role, { userPoolTier: "LITE" })));
  it("reads only the tier during preview", async () => {
    assertPass(await check(pool("userPoolAddOns", UNKNOWN.object)));
    assertUnknown(await check(pool("userPoolTier", UNKNOWN.string)), "userPoolTier");
  });
});
