import { mfaFactor, mfaNotOff, mfaRequired } from "../../../policy/rules/user-pool-mfa";
import { goodPool } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  checkResource,
  T,
  UNKNOWN,
  withProp,
} from "../harness";

const pool = (path: string, value: unknown) => withProp(goodPool(), path, value);

describe("policy cognito-user-pool-mfa-required (U1)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(mfaRequired, T.userPool, props, { config });

  it("fails a pool without mfaConfiguration (API default OFF)", async () =>
    assertViolation(await check(pool("mfaConfiguration", undefined)), "not set", "pool.mfaConfiguration"));
  it("fails OFF and OPTIONAL", async () => {
    assertViolation(await check(pool("mfaConfiguration", "OFF")), '"OFF"');
    assertViolation(await check(pool("mfaConfiguration", "OPTIONAL")), "must be ON");
  });
  it("passes ON", async () => assertPass(await check(goodPool())));
  it("compares without case (on passes, Off fails)", async () => {
    assertPass(await check(pool("mfaConfiguration", "on")));
    assertViolation(await check(pool("mfaConfiguration", "Off")), '"Off"');
  });
  it("allowOptional flips OPTIONAL to a pass but still fails OFF", async () => {
    assertPass(await check(pool("mfaConfiguration", "OPTIONAL"), { allowOptional: true }));
    assertViolation(await check(pool("mfaConfiguration", "OFF"), { allowOptional: true }), "ON or OPTIONAL");
  });
  it("is not applicable to other resource types", async () =>
    assertNotApplicable(await checkResource(mfaRequired, T.userPoolClient, { mfaConfiguration: "OFF" })));
  it("decides during preview when only other fields are unknown", async () => {
    assertPass(await check(withProp(pool("smsConfiguration", UNKNOWN.object), "passwordPolicy", UNKNOWN.object)));
  });
  it("cannot decide while mfaConfiguration itself is unknown", async () =>
    assertUnknown(await check(pool("mfaConfiguration", UNKNOWN.string)), "mfaConfiguration"));
});

describe("policy cognito-user-pool-mfa-not-off (U1b)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(mfaNotOff, T.userPool, props, { config });

  it("fails a missing value (KICS) unless flagMissing is false (cfn_nag F78)", async () => {
    assertViolation(await check(pool("mfaConfiguration", undefined)), "not set");
    assertPass(await check(pool("mfaConfiguration", undefined), { flagMissing: false }));
  });
  it("fails an explicit OFF in any case, as cfn_nag does", async () => {
    for (const v of ["OFF", "Off", "off"])
      assertViolations(await check(pool("mfaConfiguration", v)), 1, JSON.stringify(v));
  });
  it("passes OPTIONAL and ON", async () => {
    assertPass(await check(pool("mfaConfiguration", "OPTIONAL")));
    assertPass(await check(goodPool()));
  });
  it("is not applicable to an identity pool", async () =>
    assertNotApplicable(await checkResource(mfaNotOff, T.identityPool, {})));
  it("reads only mfaConfiguration during preview", async () => {
    assertPass(await check(pool("softwareTokenMfaConfiguration", UNKNOWN.object)));
    assertUnknown(await check(pool("mfaConfiguration", UNKNOWN.string)), "mfaConfiguration");
  });
});

describe("policy cognito-user-pool-mfa-factor (U2)", () => {
  const check = (props: Record<string, unknown>) => checkResource(mfaFactor, T.userPool, props);
  const noFactor = () => withProp(pool("softwareTokenMfaConfiguration", undefined), "smsConfiguration", undefined);

  it("fails MFA ON or OPTIONAL with no factor at all", async () => {
    assertViolation(await check(noFactor()), "no factor");
    assertViolation(await check(withProp(noFactor(), "mfaConfiguration", "optional")), "OPTIONAL");
  });
  it("fails a TOTP block that is switched off, with no other factor", async () => {
    assertViolation(
      await check(withProp(noFactor(), "softwareTokenMfaConfiguration", { enabled: false })),
      "no factor",
    );
  });
  it("passes with TOTP, email or SMS", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(withProp(noFactor(), "emailMfaConfiguration", { subject: "Code" })));
    assertPass(await check(pool("softwareTokenMfaConfiguration", undefined)));
    assertPass(await check(withProp(noFactor(), "softwareTokenMfaConfiguration", { enabled: "TRUE" })));
  });
  it("is not applicable when MFA is OFF or absent", async () => {
    assertNotApplicable(await check(withProp(noFactor(), "mfaConfiguration", "OFF")), "MFA is OFF");
    assertNotApplicable(await check(withProp(noFactor(), "mfaConfiguration", undefined)));
  });
  it("is not applicable to a role", async () =>
    assertNotApplicable(await checkResource(mfaFactor, T.role, { mfaConfiguration: "ON" })));
  it("decides from TOTP without reading the SMS settings, which are unknown during preview", async () => {
    assertPass(await check(pool("smsConfiguration", UNKNOWN.object)));
  });
  it("counts an SMS configuration still being computed as a factor", async () => {
    assertPass(
      await check(withProp(pool("softwareTokenMfaConfiguration", undefined), "smsConfiguration", UNKNOWN.object)),
    );
  });
  it("cannot decide while the TOTP block is unknown", async () =>
    assertUnknown(await check(pool("softwareTokenMfaConfiguration", UNKNOWN.object)), "softwareTokenMfaConfiguration"));
});
