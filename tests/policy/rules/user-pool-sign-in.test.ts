import { accountRecovery, caseInsensitiveUsernames, selfSignUpDisabled } from "../../../policy/rules/user-pool-sign-in";
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

describe("policy cognito-user-pool-self-signup-disabled (U11)", () => {
  const check = (props: Record<string, unknown>) => checkResource(selfSignUpDisabled, T.userPool, props);

  it("fails a pool without adminCreateUserConfig (self sign-up on)", async () =>
    assertViolation(await check(pool("adminCreateUserConfig", undefined)), "(not set)"));
  it("fails allowAdminCreateUserOnly false", async () =>
    assertViolation(await check(pool("adminCreateUserConfig.allowAdminCreateUserOnly", false)), "is false"));
  it("passes true, also written as a string in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("adminCreateUserConfig.allowAdminCreateUserOnly", "True")));
  });
  it("is not applicable to an app client", async () =>
    assertNotApplicable(await checkResource(selfSignUpDisabled, T.userPoolClient, {})));
  it("reads only the flag during preview", async () => {
    assertPass(await check(pool("adminCreateUserConfig.inviteMessageTemplate", UNKNOWN.object)));
    assertUnknown(
      await check(pool("adminCreateUserConfig.allowAdminCreateUserOnly", UNKNOWN.boolean)),
      "adminCreateUserConfig.allowAdminCreateUserOnly",
    );
  });
});

describe("policy cognito-user-pool-case-insensitive-usernames", () => {
  const check = (props: Record<string, unknown>) => checkResource(caseInsensitiveUsernames, T.userPool, props);

  it("fails a pool without usernameConfiguration (API default case-sensitive)", async () =>
    assertViolation(await check(pool("usernameConfiguration", undefined)), "case-sensitive"));
  it("fails caseSensitive true", async () =>
    assertViolation(await check(pool("usernameConfiguration.caseSensitive", true)), "is true", "needs a new pool"));
  it("passes false, also as the string FALSE", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("usernameConfiguration.caseSensitive", "FALSE")));
  });
  it("is not applicable to a user", async () =>
    assertNotApplicable(await checkResource(caseInsensitiveUsernames, T.user, {})));
  it("reads only caseSensitive during preview", async () => {
    assertPass(await check(pool("name", UNKNOWN.string)));
    assertUnknown(
      await check(pool("usernameConfiguration.caseSensitive", UNKNOWN.boolean)),
      "usernameConfiguration.caseSensitive",
    );
  });
});

describe("policy cognito-user-pool-account-recovery", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(accountRecovery, T.userPool, props, { config });
  const mechanisms = (...m: Array<[string, number]>) =>
    pool("accountRecoverySetting", { recoveryMechanisms: m.map(([name, priority]) => ({ name, priority })) });

  it("fails a pool without a recovery setting (Cognito prefers SMS)", async () =>
    assertViolation(await check(pool("accountRecoverySetting", undefined)), "No accountRecoverySetting"));
  it("fails phone before email, and phone only", async () => {
    assertViolation(await check(mechanisms(["verified_email", 2], ["verified_phone_number", 1])), "before email");
    assertViolation(await check(mechanisms(["verified_phone_number", 1])), "before email");
  });
  it("passes email first, email only, and admin_only", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(mechanisms(["verified_email", 1])));
    assertPass(await check(mechanisms(["admin_only", 1])));
  });
  it("orders by priority, not by list position", async () =>
    assertPass(await check(mechanisms(["verified_phone_number", 2], ["verified_email", 1]))));
  it("compares mechanism names without case", async () =>
    assertViolation(await check(mechanisms(["VERIFIED_PHONE_NUMBER", 1], ["Verified_Email", 2])), "before email"));
  it("allowPhone false flips phone as a second mechanism to a failure", async () => {
    assertViolations(await check(goodPool(), { allowPhone: false }), 1, "forbids");
    assertPass(await check(mechanisms(["verified_email", 1]), { allowPhone: false }));
  });
  it("is not applicable to an identity pool", async () =>
    assertNotApplicable(await checkResource(accountRecovery, T.identityPool, {})));
  it("reads only the recovery setting during preview", async () => {
    assertPass(await check(pool("smsConfiguration", UNKNOWN.object)));
    assertUnknown(
      await check(pool("accountRecoverySetting.recoveryMechanisms", UNKNOWN.array)),
      "accountRecoverySetting.recoveryMechanisms",
    );
  });
});
