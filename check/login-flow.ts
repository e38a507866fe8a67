/**
 * The login-flow check: one new user goes through everything an app does with the pool, against
 * either target (target.ts). Steps the emulator cannot honour print why and are skipped there; they
 * run in full against a real stack. The user (and every device it confirmed) is removed afterwards,
 * also when a step fails.
 */
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminUpdateUserAttributesCommand,
  GetUserCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { apiSteps, callApi } from "./api-checks";
import {
  type AppClient,
  answer,
  expectChallenge,
  expectError,
  expectTokens,
  passwordSignIn,
  srpSignIn,
  withSecretHash,
} from "./auth";
import { type Device, forgetDevices } from "./devices";
import { type Enrolled, enrolDuringSignIn, enrolWithAccessToken } from "./mfa";
import {
  confirmDevices,
  globalSignOut,
  passwordClientRefresh,
  refreshStep,
  type SessionTokens,
  secretHashRequired,
} from "./session-checks";
import type { Steps } from "./steps";
import { type FlowPlan, strongPassword, tooShortPassword } from "./subjects";
import type { Target } from "./target";
import { type TokenExpectations, verifyTokens } from "./tokens";
import { autoGroupStep, customChallengeSteps, groupPlan } from "./trigger-checks";
import { deleteUser, emailOf, listUsersByPrefix, userEmail, userPrefix } from "./users";

export const SKIP = {
  srpPassword:
    "the emulator accepts any SRP proof, so the password check is skipped (the SRP math still ran in srp-sign-in)",
  explicitFlows: "the emulator ignores a client's explicitAuthFlows, so it cannot refuse USER_PASSWORD_AUTH",
  userExistence:
    "the emulator answers UserNotFoundException for an unknown user (it ignores preventUserExistenceErrors); only checked on AWS",
} as const;

/** One user's whole flow. Throws a StepFailure naming the first step that failed. */
export async function loginFlow(t: Target, plan: FlowPlan, runId: string, n: number, steps: Steps): Promise<void> {
  const email = userEmail(t.caps, runId, n);
  const password = strongPassword(t.outputs.passwordPolicy);
  const pool = t.outputs.userPoolId;
  const srp = plan.srpClient;
  const attr = plan.customAttribute ? { name: plan.customAttribute, value: `tier-${n}` } : undefined;
  // With a post-confirmation function that runs (AWS), the function assigns the group, not the check.
  const groups = groupPlan(t.caps, t.outputs, email, plan.group);
  const expect = (client: AppClient): TokenExpectations => ({
    clientId: client.clientId,
    group: groups.expected,
    email,
    customAttribute: attr,
  });
  const devices: Device[] = [];
  let failed = false;
  try {
    await steps.run("sign-up-weak-password", () =>
      expectError(
        () =>
          t.send((o) =>
            t.idp.send(
              new SignUpCommand({
                ClientId: srp.clientId,
                Username: email,
                Password: tooShortPassword(t.outputs.passwordPolicy),
                ...secretHashParam(srp, email),
              }),
              o,
            ),
          ),
        "InvalidPasswordException",
      ),
    );

    await steps.run("sign-up", async () => {
      const res = await t.send((o) =>
        t.idp.send(
          new SignUpCommand({
            ClientId: srp.clientId,
            Username: email,
            Password: password,
            ...secretHashParam(srp, email),
          }),
          o,
        ),
      );
      if (!res.UserSub) throw new Error("SignUp returned no UserSub");
      if (res.UserConfirmed) throw new Error("the user was confirmed at sign-up; expected it to wait for confirmation");
    });

    await steps.run("admin-confirm", async () => {
      await t.send((o) => t.idp.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: email }), o));
      // The positive control for no-users-left: the listing it relies on must see this run's users.
      const prefix = userPrefix(t.caps, runId);
      const listed = await listUsersByPrefix(t, prefix);
      if (!listed.some((u) => emailOf(u) === email))
        throw new Error(
          `listing users with email ^= "${prefix}" does not find ${email}, so no-users-left could not see a leftover`,
        );
    });

    await steps.run("admin-group-and-attribute", async () => {
      if (groups.adminAdds)
        await t.send((o) =>
          t.idp.send(
            new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: email, GroupName: groups.adminAdds }),
            o,
          ),
        );
      if (attr) {
        await t.send((o) =>
          t.idp.send(
            new AdminUpdateUserAttributesCommand({
              UserPoolId: pool,
              Username: email,
              UserAttributes: [{ Name: `custom:${attr.name}`, Value: attr.value }],
            }),
            o,
          ),
        );
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
      await steps.run("srp-wrong-password", () =>
        expectError(() => srpSignIn(t, srp, email, `${password}x`), "NotAuthorizedException"),
      );
    } else steps.skip("srp-wrong-password", SKIP.srpPassword);

    await customChallengeSteps(t, email, password, steps);

    const enrolled: Enrolled = await steps.run("totp-enrol", () =>
      first.challenge === "MFA_SETUP"
        ? enrolDuringSignIn(t, srp, first)
        : enrolWithAccessToken(t, expectTokens(first, "srp-sign-in").AccessToken),
    );

    const mfaTokens = await steps.run("mfa-sign-in", async () => {
      const s = await srpSignIn(t, srp, email, password);
      expectChallenge(s, "SOFTWARE_TOKEN_MFA");
      return expectTokens(
        await answer(t, srp, s, "SOFTWARE_TOKEN_MFA", { SOFTWARE_TOKEN_MFA_CODE: await enrolled.device.code() }),
        "SOFTWARE_TOKEN_MFA",
      );
    });

    const pwClient = plan.passwordClient;
    const pwTokens = pwClient
      ? await steps.run("password-sign-in", async () => {
          const s = await passwordSignIn(t, pwClient, email, password);
          expectChallenge(s, "SOFTWARE_TOKEN_MFA");
          return expectTokens(
            await answer(t, pwClient, s, "SOFTWARE_TOKEN_MFA", {
              SOFTWARE_TOKEN_MFA_CODE: await enrolled.device.code(),
            }),
            "SOFTWARE_TOKEN_MFA",
          );
        })
      : undefined;
    if (!pwClient) steps.skip("password-sign-in", "no client allows ALLOW_USER_PASSWORD_AUTH");

    const noPw = plan.noPasswordClient;
    if (!noPw) steps.skip("password-flow-refused", "every user client allows USER_PASSWORD_AUTH");
    else if (!t.caps.enforcesExplicitAuthFlows) steps.skip("password-flow-refused", SKIP.explicitFlows);
    else
      await steps.run("password-flow-refused", () =>
        expectError(() => passwordSignIn(t, noPw, email, password), "InvalidParameterException"),
      );

    await secretHashRequired(t, plan, email, password, steps);

    // Before verify-tokens, which also wants the group: this step says which function did not do its part.
    await autoGroupStep(groups, mfaTokens.IdToken, steps);

    const verified = await steps.run("verify-tokens", async () => {
      const a = await verifyTokens(t, mfaTokens, expect(srp));
      const b = pwClient && pwTokens ? await verifyTokens(t, pwTokens, expect(pwClient)) : undefined;
      if (b && a.sub !== b.sub) throw new Error(`the two sign-ins gave different subjects (${a.sub}, ${b.sub})`);
      return { srp: a, pw: b };
    });

    await apiSteps(
      t.caps,
      t.outputs,
      { accessToken: mfaTokens.AccessToken, idToken: mfaTokens.IdToken, sub: verified.srp.sub, group: groups.expected },
      steps,
      (url, token) => callApi(url, token, { gone: t.gone }),
    );

    const srpSession: SessionTokens = { client: srp, tokens: mfaTokens, verified: verified.srp };
    const pwSession: SessionTokens | undefined =
      pwClient && pwTokens && verified.pw ? { client: pwClient, tokens: pwTokens, verified: verified.pw } : undefined;
    await confirmDevices(t, plan, [srpSession, ...(pwSession ? [pwSession] : [])], steps, devices);

    await refreshStep(t, srpSession, expect(srp), steps);
    await passwordClientRefresh(t, pwSession, pwSession ? expect(pwSession.client) : undefined, steps);

    await steps.run("get-user", async () => {
      const u = await t.send((o) => t.idp.send(new GetUserCommand({ AccessToken: mfaTokens.AccessToken }), o));
      const attrs = Object.fromEntries((u.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
      if (attrs.email !== email) throw new Error(`GetUser email is ${String(attrs.email)}, expected ${email}`);
      if (attr && attrs[`custom:${attr.name}`] !== attr.value)
        throw new Error(`GetUser custom:${attr.name} is ${String(attrs[`custom:${attr.name}`])}`);
    });

    const nobody = userEmail(t.caps, runId, `${n}-nobody`);
    await wrongCredentials(t, plan, email, password, nobody, steps);
    await sameAnswerForUnknownUser(t, plan, email, password, nobody, steps);

    await globalSignOut(t, srpSession, pwSession, steps);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await cleanup(t, email, devices, steps, failed);
  }
}

/** A wrong password is refused; where the client does not hide unknown users, an unknown user gets UserNotFoundException. */
async function wrongCredentials(
  t: Target,
  plan: FlowPlan,
  email: string,
  password: string,
  nobody: string,
  steps: Steps,
): Promise<void> {
  const c = plan.passwordClient;
  if (!c) {
    steps.skip(
      "wrong-credentials",
      "no client allows USER_PASSWORD_AUTH, and SRP cannot tell a wrong password on the emulator",
    );
    return;
  }
  await steps.run("wrong-credentials", async () => {
    await expectError(() => passwordSignIn(t, c, email, `${password}x`), "NotAuthorizedException");
    // Where existence is hidden, the unknown user is the next step's business.
    if (!t.caps.hidesUserExistence || c.preventUserExistenceErrors !== "ENABLED") {
      await expectError(() => passwordSignIn(t, c, nobody, password), "UserNotFoundException");
    }
  });
}

/** With preventUserExistenceErrors ENABLED, an unknown user and a wrong password get the same error and message. */
async function sameAnswerForUnknownUser(
  t: Target,
  plan: FlowPlan,
  email: string,
  password: string,
  nobody: string,
  steps: Steps,
): Promise<void> {
  const c = plan.existenceHidingClient;
  if (!t.caps.hidesUserExistence) {
    steps.skip("same-answer-for-unknown-user", SKIP.userExistence);
    return;
  }
  if (!c) {
    steps.skip(
      "same-answer-for-unknown-user",
      plan.skipped["same-answer-for-unknown-user"] ?? "no client hides unknown users",
    );
    return;
  }
  await steps.run("same-answer-for-unknown-user", async () => {
    const wrong = await expectError(() => passwordSignIn(t, c, email, `${password}x`), "NotAuthorizedException");
    const unknown = await expectError(() => passwordSignIn(t, c, nobody, password), "NotAuthorizedException");
    if (unknown.message !== wrong.message) {
      throw new Error(
        `an unknown user is told apart from a wrong password: "${unknown.message}" vs "${wrong.message}"`,
      );
    }
  });
}

async function cleanup(
  t: Target,
  email: string,
  devices: Device[],
  steps: Steps,
  afterFailure: boolean,
): Promise<void> {
  if (t.gone?.aborted) {
    steps.skip("cleanup", "the emulator is gone, and its users with it");
    return;
  }
  try {
    await steps.run("cleanup", async () => {
      try {
        await forgetDevices(t, email, devices);
      } finally {
        await deleteUser(t, email);
      }
    });
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
