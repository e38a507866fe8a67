/**
 * The login check's steps for the built trigger functions (output `triggerFunctions`): the group the
 * post-confirmation function gives a new user by email domain, seen in the ID token's
 * `cognito:groups`, and the custom challenge (CUSTOM_AUTH: SRP password, then a one-time code by
 * email). moto never invokes triggers, so on the emulator these steps are skipped with the reason;
 * the post-confirmation handler itself is tested against moto in tests/emulator/post-confirmation.test.ts.
 */
import { groupFor } from "../functions/email-domain";
import type { StackOutputs, TriggerFunctionsOutput } from "../outputs/stack-outputs";
import { type AppClient, type AuthStep, answer, expectChallenge, srpSignIn } from "./auth";
import { errorName } from "./retry";
import type { Steps } from "./steps";
import { appClients } from "./subjects";
import type { Capabilities, Target } from "./target";

export const TRIGGER_SKIP = {
  autoGroup:
    "moto never invokes Lambda triggers, so AdminConfirmSignUp runs no post-confirmation function and adds no group; the check adds the group by AdminAddUserToGroup instead (tests/emulator/post-confirmation.test.ts runs the handler against moto with the event Cognito would send)",
  customChallengeMoto:
    "moto never invokes Lambda triggers, so CUSTOM_AUTH has no define/create/verify auth challenge functions to run",
  customChallengeCode:
    "the one-time code goes only to the user's email (an SES mailbox-simulator address, which drops it); signing in with it needs an inbox the check can read (e.g. SES email receiving into an S3 bucket on a domain you own), which this stack does not build",
} as const;

/**
 * The group the post-confirmation function puts a new user with this email in: with a verified
 * email its exact domain's, else `*`'s; with an unverified one only `*`'s (the function's rule).
 */
export function expectedAutoGroup(
  f: TriggerFunctionsOutput | undefined,
  email: string,
  emailVerified: boolean,
): string | undefined {
  const byDomain = f?.names.includes("postConfirmation") ? f.groupsByDomain : undefined;
  if (!byDomain) return undefined;
  // The function's own rule, so the check expects exactly what it does.
  return groupFor(email, byDomain, emailVerified);
}

/**
 * What the flow does about groups: on a target that runs triggers and a stack with post
 * confirmation, the function assigns the group and the check must not (or the claim would prove
 * nothing); elsewhere the check adds `plan.group` itself.
 */
export interface GroupPlan {
  /** The group the check adds by AdminAddUserToGroup. */
  adminAdds?: string;
  /** The group the post-confirmation function must have added. */
  auto?: string;
  /** The group the user's tokens carry. */
  expected?: string;
  /** Why the auto-assigned group is not checked, when the stack has the function. */
  skip?: string;
}

export function groupPlan(
  caps: Pick<Capabilities, "runsTriggers">,
  outputs: Pick<StackOutputs, "triggerFunctions">,
  email: string,
  planGroup: string | undefined,
): GroupPlan {
  // The flow confirms its user with AdminConfirmSignUp, which verifies no email.
  const auto = expectedAutoGroup(outputs.triggerFunctions, email, false);
  if (auto === undefined) return { adminAdds: planGroup, expected: planGroup };
  if (!caps.runsTriggers) return { adminAdds: planGroup, expected: planGroup, skip: TRIGGER_SKIP.autoGroup };
  return { auto, expected: auto };
}

/** The payload of a JWT, undecoded claims as they are (the signature is verify-tokens' business). */
export function jwtClaims(token: string): Record<string, unknown> {
  const parts = token.split(".");
  if (parts.length !== 3) throw new Error(`not a JWT (${parts.length} parts)`);
  const claims: unknown = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  if (typeof claims !== "object" || claims === null || Array.isArray(claims))
    throw new Error("the JWT payload is not an object");
  return claims as Record<string, unknown>;
}

/** Throws unless the ID token's `cognito:groups` lists `group`. */
export function assertGroupClaim(idToken: string, group: string): void {
  const claims = jwtClaims(idToken);
  if (claims.token_use !== "id") throw new Error(`expected an ID token, got token_use ${String(claims.token_use)}`);
  const groups = claims["cognito:groups"];
  if (!Array.isArray(groups))
    throw new Error(`the ID token has no cognito:groups (the post-confirmation function should have added ${group})`);
  if (!groups.includes(group))
    throw new Error(`the ID token's cognito:groups is ${JSON.stringify(groups)}; expected it to include ${group}`);
}

/** The auto-assigned-group step: after the first sign-in, the ID token names the group the function gave. */
export async function autoGroupStep(g: GroupPlan, idToken: string, steps: Steps): Promise<void> {
  if (g.skip) {
    steps.skip("auto-assigned-group", g.skip);
    return;
  }
  const auto = g.auto;
  if (auto === undefined) return;
  await steps.run("auto-assigned-group", async () => assertGroupClaim(idToken, auto));
}

/** The client that signs in with the custom challenge: the first listed one the stack has. */
export function customChallengeClient(o: StackOutputs): AppClient | undefined {
  const keys = o.triggerFunctions?.names.includes("customChallenge")
    ? (o.triggerFunctions.customChallengeClients ?? [])
    : [];
  const clients = appClients(o);
  return keys.map((k) => clients.find((c) => c.key === k)).find((c) => c !== undefined);
}

/**
 * CUSTOM_AUTH through the define/create/verify functions: the SRP password step first, then
 * Cognito must ask for the code (CUSTOM_CHALLENGE, where the code went), and a wrong code must not
 * give tokens. The sign-in with the right code is skipped with what it would need (TRIGGER_SKIP).
 */
export async function customChallengeSteps(t: Target, email: string, password: string, steps: Steps): Promise<void> {
  const client = customChallengeClient(t.outputs);
  if (!client) return;
  if (!t.caps.runsTriggers) {
    for (const s of ["custom-challenge-issued", "custom-challenge-wrong-code", "custom-challenge-sign-in"])
      steps.skip(s, TRIGGER_SKIP.customChallengeMoto);
    return;
  }
  const issued = await steps.run("custom-challenge-issued", async () => {
    const s = await srpSignIn(t, client, email, password, "CUSTOM_AUTH");
    return expectCodeChallenge(s, email);
  });
  await steps.run("custom-challenge-wrong-code", async () => {
    // A code of the right length cannot be told from a real one by its shape; this one is all nines
    // with a letter appended, so it is never the code sent.
    let next: AuthStep;
    try {
      next = await answer(t, client, issued, "CUSTOM_CHALLENGE", { ANSWER: "999999x" });
    } catch (e) {
      // maxAttempts 1: the first wrong code ends the sign-in.
      if (errorName(e) === "NotAuthorizedException") return;
      throw e;
    }
    if (next.tokens) throw new Error("a wrong one-time code gave tokens");
    expectChallenge(next, "CUSTOM_CHALLENGE");
  });
  steps.skip("custom-challenge-sign-in", TRIGGER_SKIP.customChallengeCode);
}

/** Cognito asks for the code and says (masked) where it went: `s***@simulator.amazonses.com`. */
export function expectCodeChallenge(s: AuthStep, email: string): AuthStep {
  if (s.tokens) throw new Error("CUSTOM_AUTH gave tokens after the password, without asking for the code");
  expectChallenge(s, "CUSTOM_CHALLENGE");
  const at = email.lastIndexOf("@");
  const masked = `${email[0]}***${email.slice(at)}`;
  if (s.params.email !== masked)
    throw new Error(
      `the challenge names the code's address as ${JSON.stringify(s.params.email)}; expected ${JSON.stringify(masked)}`,
    );
  return s;
}
