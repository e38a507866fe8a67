/**
 * The login-flow check: one new user goes through everything an app does with the pool, against
 * either target (target.ts). Steps the emulator cannot honour print why and are skipped there; they
 * run in full against a real stack. The user is deleted afterwards, also when a step fails.
 */
import {
  AdminAddUserToGroupCommand, AdminConfirmSignUpCommand, AdminDeleteUserCommand, AdminUpdateUserAttributesCommand, GetUserCommand,
  GlobalSignOutCommand, InitiateAuthCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createSrpSession, wrapInitiateAuth } from "cognito-srp-helper";
import {
  AppClient, answer, expectChallenge, expectError, expectTokens, passwordSignIn, refresh, srpSignIn, withSecretHash,
} from "./auth";
import { Enrolled, enrolDuringSignIn, enrolWithAccessToken } from "./mfa";
import { FlowPlan, strongPassword, tooShortPassword } from "./plan";
import { errorName } from "./retry";
import { Steps } from "./steps";
import type { Target } from "./target";
import { TokenExpectations, verifyTokens } from "./tokens";

/** Users the check creates are `login-check+<run>-<n>@example.com`: easy to find and to clean up. */
export const userEmail = (runId: string, n: number | string): string => `login-check+${runId}-${n}@example.com`;
export const userPrefix = (runId: string): string => `login-check+${runId}-`;

export const SKIP = {
  srpPassword: "the emulator accepts any SRP proof, so the password check is skipped (the SRP math still ran in srp-sign-in)",
  explicitFlows: "the emulator ignores a client's explicitAuthFlows, so it cannot refuse USER_PASSWORD_AUTH",
  userExistence: "the emulator answers UserNotFoundException for an unknown user (it ignores preventUserExistenceErrors); only checked on AWS",
} as const;

type Tokens = { IdToken: string; AccessToken: string; RefreshToken?: string };

/** Deletes a user the check created; a user that never got created is fine. */
export async function deleteUser(t: Target, username: string): Promise<void> {
  try {
    await t.send((o) => t.idp.send(new AdminDeleteUserCommand({ UserPoolId: t.outputs.userPoolId, Username: username }), o));
  } catch (e) {
    if (errorName(e) !== "UserNotFoundException") throw e;
  }
}

/** One user's whole flow. Throws a StepFailure naming the first step that failed. */
export async function loginFlow(t: Target, plan: FlowPlan, runId: string, n: number, steps: Steps): Promise<void> {
  const email = userEmail(runId, n);
  const password = strongPassword(t.outputs.passwordPolicy);
  const pool = t.outputs.userPoolId;
  const srp = plan.srpClient;
  const attr = plan.customAttribute ? { name: plan.customAttribute, value: `tier-${n}` } : undefined;
  const expect = (client: AppClient): TokenExpectations => ({ clientId: client.clientId, group: plan.group, email, customAttribute: attr });
  let failed = false;
  try {
    await steps.run("sign-up-weak-password", () => expectError(() => t.send((o) => t.idp.send(new SignUpCommand({
      ClientId: srp.clientId, Username: email, Password: tooShortPassword(t.outputs.passwordPolicy), ...secretHashParam(srp, email),
    }), o)), "InvalidPasswordException"));

    await steps.run("sign-up", async () => {
      const res = await t.send((o) => t.idp.send(new SignUpCommand({ ClientId: srp.clientId, Username: email, Password: password, ...secretHashParam(srp, email) }), o));
      if (!res.UserSub) throw new Error("SignUp returned no UserSub");
      if (res.UserConfirmed) throw new Error("the user was confirmed at sign-up; expected it to wait for confirmation");
    });

    await steps.run("admin-confirm", () => t.send((o) => t.idp.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: email }), o)));

    await steps.run("admin-group-and-attribute", async () => {
      if (plan.group) await t.send((o) => t.idp.send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: email, GroupName: plan.group }), o));
      if (attr) {
        await t.send((o) => t.idp.send(new AdminUpdateUserAttributesCommand({
          UserPoolId: pool, Username: email, UserAttributes: [{ Name: `custom:${attr.name}`, Value: attr.value }],
        }), o));
      }
    });

    // MFA optional: SRP signs straight in. MFA required: SRP stops at MFA_SETUP and enrolment finishes it.
    const first = await steps.run("srp-sign-in", async () => {
      const s = await srpSignIn(t, srp, email, password);
      if (t.outputs.mfaConfiguration === "ON") expectChallenge(s, "MFA_SETUP");
      else expectTokens(s, "USER_SRP_AUTH");
      return s;
    });

    if (t.caps.checksSrpPassword) {
      await steps.run("srp-wrong-password", () => expectError(() => srpSignIn(t, srp, email, `${password}x`), "NotAuthorizedException"));
    } else steps.skip("srp-wrong-password", SKIP.srpPassword);

    const enrolled: Enrolled = await steps.run("totp-enrol", () => (first.challenge === "MFA_SETUP"
      ? enrolDuringSignIn(t, srp, first)
      : enrolWithAccessToken(t, expectTokens(first, "srp-sign-in").AccessToken)));

    const mfaTokens: Tokens = await steps.run("mfa-sign-in", async () => {
      const s = await srpSignIn(t, srp, email, password);
      expectChallenge(s, "SOFTWARE_TOKEN_MFA");
      return expectTokens(await answer(t, srp, s, "SOFTWARE_TOKEN_MFA", { SOFTWARE_TOKEN_MFA_CODE: await enrolled.device.code() }), "SOFTWARE_TOKEN_MFA");
    });

    const pwClient = plan.passwordClient;
    let pwTokens: Tokens | undefined;
    if (pwClient) {
      pwTokens = await steps.run("password-sign-in", async () => {
        const s = await passwordSignIn(t, pwClient, email, password);
        expectChallenge(s, "SOFTWARE_TOKEN_MFA");
        return expectTokens(await answer(t, pwClient, s, "SOFTWARE_TOKEN_MFA", { SOFTWARE_TOKEN_MFA_CODE: await enrolled.device.code() }), "SOFTWARE_TOKEN_MFA");
      });
    } else steps.skip("password-sign-in", "no client allows ALLOW_USER_PASSWORD_AUTH");

    const noPw = plan.noPasswordClient;
    if (!noPw) steps.skip("password-flow-refused", "every user client allows USER_PASSWORD_AUTH");
    else if (!t.caps.enforcesExplicitAuthFlows) steps.skip("password-flow-refused", SKIP.explicitFlows);
    else await steps.run("password-flow-refused", () => expectError(() => passwordSignIn(t, noPw, email, password), "InvalidParameterException"));

    const conf = plan.confidentialClient;
    if (conf) {
      await steps.run("secret-hash-required", () => expectError(() => t.send((o) => t.idp.send(new InitiateAuthCommand(wrapInitiateAuth(
        createSrpSession(email, password, pool, false),
        { ClientId: conf.clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: email } },
      )), o)), "NotAuthorizedException"));
    } else steps.skip("secret-hash-required", "no confidential client allows SRP");

    await steps.run("verify-tokens", async () => {
      const a = await verifyTokens(t, mfaTokens, expect(srp));
      if (pwClient && pwTokens) {
        const b = await verifyTokens(t, pwTokens, expect(pwClient));
        if (a.sub !== b.sub) throw new Error(`the two sign-ins gave different subjects (${a.sub}, ${b.sub})`);
      }
    });

    const refreshToken = mfaTokens.RefreshToken;
    await steps.run("refresh", async () => {
      if (!refreshToken) throw new Error("the sign-in returned no refresh token");
      const fresh = await refresh(t, srp, refreshToken, email);
      await verifyTokens(t, { IdToken: fresh.IdToken as string, AccessToken: fresh.AccessToken as string }, expect(srp));
    });

    await steps.run("get-user", async () => {
      const u = await t.send((o) => t.idp.send(new GetUserCommand({ AccessToken: mfaTokens.AccessToken }), o));
      const attrs = Object.fromEntries((u.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
      if (attrs.email !== email) throw new Error(`GetUser email is ${String(attrs.email)}, expected ${email}`);
      if (attr && attrs[`custom:${attr.name}`] !== attr.value) throw new Error(`GetUser custom:${attr.name} is ${String(attrs[`custom:${attr.name}`])}`);
    });

    await wrongCredentials(t, plan, email, password, runId, n, steps);

    await steps.run("global-sign-out", async () => {
      await t.send((o) => t.idp.send(new GlobalSignOutCommand({ AccessToken: mfaTokens.AccessToken }), o));
      await expectError(() => refresh(t, srp, refreshToken as string, email), "NotAuthorizedException");
      await expectError(() => t.send((o) => t.idp.send(new GetUserCommand({ AccessToken: mfaTokens.AccessToken }), o)), "NotAuthorizedException");
    });
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await cleanup(t, email, steps, failed);
  }
}

async function wrongCredentials(t: Target, plan: FlowPlan, email: string, password: string, runId: string, n: number, steps: Steps): Promise<void> {
  const c = plan.passwordClient;
  if (!c) {
    steps.skip("wrong-credentials", "no client allows USER_PASSWORD_AUTH, and SRP cannot tell a wrong password on the emulator");
    return;
  }
  const nobody = userEmail(runId, `${n}-nobody`);
  await steps.run("wrong-credentials", async () => {
    const wrong = await expectError(() => passwordSignIn(t, c, email, `${password}x`), "NotAuthorizedException");
    if (t.caps.hidesUserExistence) {
      const unknown = await expectError(() => passwordSignIn(t, c, nobody, password), "NotAuthorizedException");
      if (unknown.message !== wrong.message) {
        throw new Error(`an unknown user is told apart from a wrong password: "${unknown.message}" vs "${wrong.message}"`);
      }
    } else {
      await expectError(() => passwordSignIn(t, c, nobody, password), ["NotAuthorizedException", "UserNotFoundException"]);
    }
  });
  if (!t.caps.hidesUserExistence) steps.skip("same-answer-for-unknown-user", SKIP.userExistence);
}

async function cleanup(t: Target, email: string, steps: Steps, afterFailure: boolean): Promise<void> {
  if (t.gone?.aborted) {
    steps.skip("cleanup", "the emulator is gone, and its users with it");
    return;
  }
  try {
    await steps.run("cleanup", () => deleteUser(t, email));
  } catch (e) {
    // A cleanup failure after a step failure must not hide which step failed first.
    if (!afterFailure) throw e;
  }
}

/** `{ SecretHash }` for SignUp with a confidential client. */
function secretHashParam(client: AppClient, username: string): { SecretHash?: string } {
  const h = withSecretHash(client, username).SECRET_HASH;
  return h ? { SecretHash: h } : {};
}
