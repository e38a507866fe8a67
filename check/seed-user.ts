/**
 * A seed user's first sign-in: the temporary password from the secret output
 * `seedUserPasswords`, then NEW_PASSWORD_REQUIRED answered with a new password, then tokens
 * carrying the user's groups.
 *
 * On the emulator the real seed user is used and put back (temporary password, must change it
 * again) so `npm run local --keep` still hands out working credentials. A real stack is shared:
 * its seed users are only looked at (they exist, in their groups), and the challenge is answered by
 * a throwaway user invited the same way seed users are, then deleted. (Resetting a real seed user
 * would hit the password-history rule and leave it with a password nobody knows.)
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { SeedUserOutput } from "../outputs/stack-outputs";
import { type AuthStep, answer, expectChallenge, expectTokens, srpSignIn } from "./auth";
import { enrolDuringSignIn } from "./mfa";
import type { Steps } from "./steps";
import type { FlowPlan } from "./subjects";
import { strongPassword } from "./subjects";
import type { Target } from "./target";
import { verifyTokens } from "./tokens";
import { deleteUser, userEmail } from "./users";

/** NEW_PASSWORD_REQUIRED answered; MFA_SETUP too when the pool requires MFA. Returns the tokens. */
async function firstSignIn(
  t: Target,
  plan: FlowPlan,
  username: string,
  temporary: string,
): Promise<{ IdToken: string; AccessToken: string }> {
  const s = await srpSignIn(t, plan.srpClient, username, temporary);
  expectChallenge(s, "NEW_PASSWORD_REQUIRED");
  const next: AuthStep = await answer(t, plan.srpClient, s, "NEW_PASSWORD_REQUIRED", {
    NEW_PASSWORD: strongPassword(t.outputs.passwordPolicy),
  });
  if (next.challenge === "MFA_SETUP") {
    const enrolled = await enrolDuringSignIn(t, plan.srpClient, next);
    if (!enrolled.tokens) throw new Error("MFA_SETUP finished without tokens");
    return enrolled.tokens;
  }
  return expectTokens(next, "NEW_PASSWORD_REQUIRED");
}

/** A seed user's temporary password, from the secret output `seedUserPasswords`. */
export function seedPassword(t: Target, username: string): string {
  const p = Object.hasOwn(t.outputs.seedUserPasswords, username) ? t.outputs.seedUserPasswords[username] : undefined;
  if (!p) throw new Error(`seed user ${username} has no password in the output seedUserPasswords`);
  return p;
}

export async function seedUserCheck(t: Target, plan: FlowPlan, runId: string, steps: Steps): Promise<void> {
  const seeds = Object.values(t.outputs.seedUsers).sort((a, b) => a.username.localeCompare(b.username));
  if (seeds.length === 0) {
    steps.skip(
      "seed-user-new-password",
      `stack ${t.outputs.stack} has no seed users${t.outputs.environment === "prod" ? " (prod stacks never have seed users)" : ""}`,
    );
    return;
  }
  if (t.caps.mayUseSeedUsers) await realSeedUser(t, plan, seeds.find((s) => s.groups.length > 0) ?? seeds[0], steps);
  else await sharedStack(t, plan, seeds, runId, steps);
}

async function realSeedUser(t: Target, plan: FlowPlan, seed: SeedUserOutput, steps: Steps): Promise<void> {
  const temporary = seedPassword(t, seed.username);
  try {
    await steps.run("seed-user-new-password", async () => {
      const tokens = await firstSignIn(t, plan, seed.username, temporary);
      await verifyTokens(t, tokens, {
        clientId: plan.srpClient.clientId,
        group: seed.groups[0],
        email: seed.username,
      });
    });
  } finally {
    if (!t.gone?.aborted) {
      await steps.run("seed-user-restore", async () => {
        await t.send((o) =>
          t.idp.send(
            new AdminSetUserPasswordCommand({
              UserPoolId: t.outputs.userPoolId,
              Username: seed.username,
              Password: temporary,
              Permanent: false,
            }),
            o,
          ),
        );
        // The temporary password alone is not enough: the user must again be asked to change it.
        const u = await t.send((o) =>
          t.idp.send(new AdminGetUserCommand({ UserPoolId: t.outputs.userPoolId, Username: seed.username }), o),
        );
        if (u.UserStatus !== "FORCE_CHANGE_PASSWORD")
          throw new Error(
            `after the restore seed user ${seed.username} is ${u.UserStatus ?? "without a status"}, expected FORCE_CHANGE_PASSWORD`,
          );
      });
    }
  }
}

async function sharedStack(
  t: Target,
  plan: FlowPlan,
  seeds: SeedUserOutput[],
  runId: string,
  steps: Steps,
): Promise<void> {
  const pool = t.outputs.userPoolId;
  await steps.run("seed-users-present", async () => {
    for (const seed of seeds) {
      const u = await t.send((o) =>
        t.idp.send(new AdminGetUserCommand({ UserPoolId: pool, Username: seed.username }), o),
      );
      if (!u.Enabled) throw new Error(`seed user ${seed.username} is disabled`);
      const groups = await t.send((o) =>
        t.idp.send(new AdminListGroupsForUserCommand({ UserPoolId: pool, Username: seed.username }), o),
      );
      const names = (groups.Groups ?? []).map((g) => g.GroupName);
      const missing = seed.groups.filter((g) => !names.includes(g));
      if (missing.length) throw new Error(`seed user ${seed.username} is not in ${missing.join(", ")}`);
    }
  });
  const invited = userEmail(t.caps, runId, "invited");
  const temporary = strongPassword(t.outputs.passwordPolicy);
  try {
    await steps.run("seed-user-new-password", async () => {
      await t.send((o) =>
        t.idp.send(
          new AdminCreateUserCommand({
            UserPoolId: pool,
            Username: invited,
            TemporaryPassword: temporary,
            MessageAction: "SUPPRESS",
            UserAttributes: [
              { Name: "email", Value: invited },
              { Name: "email_verified", Value: "true" },
            ],
          }),
          o,
        ),
      );
      const tokens = await firstSignIn(t, plan, invited, temporary);
      await verifyTokens(t, tokens, { clientId: plan.srpClient.clientId, email: invited });
    });
  } finally {
    if (!t.gone?.aborted) await steps.run("seed-user-cleanup", () => deleteUser(t, invited));
  }
}
