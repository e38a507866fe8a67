import { passwordPolicy, temporaryPasswordValidity } from "../../../policy/rules/user-pool-password";
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

describe("policy cognito-user-pool-password-policy (U3)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(passwordPolicy, T.userPool, props, { config });

  it("fails a pool with no passwordPolicy, as Prowler and cdk-nag do", async () =>
    assertViolations(await check(pool("passwordPolicy", undefined)), 1, "No passwordPolicy"));
  it("fails each missing or false character class on its own", async () => {
    for (const flag of ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"]) {
      assertViolations(await check(pool(`passwordPolicy.${flag}`, false)), 1, flag);
      assertViolations(await check(pool(`passwordPolicy.${flag}`, undefined)), 1, `${flag} is (not set)`);
    }
  });
  it("passes a strong policy", async () => assertPass(await check(goodPool())));
  it("takes 8 as the boundary by default: 7 fails, 8 passes", async () => {
    assertViolations(await check(pool("passwordPolicy.minimumLength", 7)), 1, "minimumLength is 7", "at least 8");
    assertPass(await check(pool("passwordPolicy.minimumLength", 8)));
  });
  it("treats a policy without minimumLength as Cognito's 8", async () => {
    assertPass(await check(pool("passwordPolicy.minimumLength", undefined)));
    assertViolation(
      await check(pool("passwordPolicy.minimumLength", undefined), { minimumLength: 9 }),
      "minimumLength is 8",
    );
  });
  it("minimumLength 14 (Prowler) flips 13 to a failure and keeps 14 passing", async () => {
    assertPass(await check(pool("passwordPolicy.minimumLength", 13)));
    assertViolation(await check(pool("passwordPolicy.minimumLength", 13), { minimumLength: 14 }), "at least 14");
    assertPass(await check(pool("passwordPolicy.minimumLength", 14), { minimumLength: 14 }));
  });
  it("a class switched off in config is not required (cdk-nag does not require lowercase)", async () => {
    assertPass(await check(pool("passwordPolicy.requireLowercase", false), { requireLowercase: false }));
  });
  it("reads numbers and booleans written as strings, in any case", async () => {
    assertViolation(await check(pool("passwordPolicy.minimumLength", "6")), "minimumLength is 6");
    assertPass(await check(pool("passwordPolicy.requireSymbols", "TRUE")));
    assertViolation(await check(pool("passwordPolicy.requireSymbols", "False")), "requireSymbols");
  });
  it("is not applicable to a client", async () =>
    assertNotApplicable(await checkResource(passwordPolicy, T.userPoolClient, { passwordPolicy: {} })));
  it("decides during preview when other settings are unknown", async () =>
    assertPass(await check(pool("smsConfiguration", UNKNOWN.object))));
  it("cannot decide while the length it needs is unknown", async () =>
    assertUnknown(await check(pool("passwordPolicy.minimumLength", UNKNOWN.number)), "passwordPolicy.minimumLength"));
});

describe("policy cognito-user-pool-temporary-password-validity (U4)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(temporaryPasswordValidity, T.userPool, props, { config });

  it("fails a pool with no passwordPolicy (Prowler)", async () =>
    assertViolation(await check(pool("passwordPolicy", undefined)), "No passwordPolicy"));
  it("takes 7 days as the boundary: 8 fails, 7 passes", async () => {
    assertViolation(
      await check(pool("passwordPolicy.temporaryPasswordValidityDays", 8)),
      "is 8",
      "unused invited accounts",
    );
    assertPass(await check(pool("passwordPolicy.temporaryPasswordValidityDays", 7)));
  });
  it("treats a missing value as Cognito's default of 7 days", async () => {
    assertPass(await check(pool("passwordPolicy.temporaryPasswordValidityDays", undefined)));
    assertViolation(
      await check(pool("passwordPolicy.temporaryPasswordValidityDays", undefined), { maximumDays: 3 }),
      "is 7",
    );
  });
  it("maximumDays flips the verdict", async () => {
    assertViolation(
      await check(pool("passwordPolicy.temporaryPasswordValidityDays", 2), { maximumDays: 1 }),
      "longer than 1 days",
    );
    assertPass(await check(pool("passwordPolicy.temporaryPasswordValidityDays", 30), { maximumDays: 30 }));
  });
  it("reads a numeric string", async () =>
    assertViolation(await check(pool("passwordPolicy.temporaryPasswordValidityDays", "90")), "is 90"));
  it("is not applicable to an identity pool", async () =>
    assertNotApplicable(await checkResource(temporaryPasswordValidity, T.identityPool, {})));
  it("decides when the minimum length is unknown, but not when the validity is", async () => {
    assertPass(await check(pool("passwordPolicy.minimumLength", UNKNOWN.number)));
    assertUnknown(
      await check(pool("passwordPolicy.temporaryPasswordValidityDays", UNKNOWN.number)),
      "passwordPolicy.temporaryPasswordValidityDays",
    );
  });
});
