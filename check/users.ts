/**
 * The users the check creates: how they are named, found and deleted. On the emulator they are
 * `login-check+<run>-<n>@example.com`; on AWS a sign-up sends real email, so they are SES
 * mailbox-simulator addresses (`success+login-check-<run>-<n>@simulator.amazonses.com`), which SES
 * accepts and drops without bouncing or hurting the account's reputation.
 */
import { AdminDeleteUserCommand, ListUsersCommand, type UserType } from "@aws-sdk/client-cognito-identity-provider";
import { errorName } from "./retry";
import type { Capabilities, Target } from "./target";

type Naming = Pick<Capabilities, "sendsEmail">;

/** What every check user's email starts with, per target. */
export const checkPrefix = (caps: Naming): string => (caps.sendsEmail ? "success+login-check-" : "login-check+");
/** Prefixes the stale-user sweep looks for: today's naming and the `@example.com` one earlier versions used on AWS. */
export const SWEEP_PREFIXES: readonly string[] = ["success+login-check-", "login-check+"];
/** Users of earlier runs older than this are swept. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export const userPrefix = (caps: Naming, runId: string): string => `${checkPrefix(caps)}${runId}-`;

export const userEmail = (caps: Naming, runId: string, n: number | string): string =>
  `${userPrefix(caps, runId)}${n}@${caps.sendsEmail ? "simulator.amazonses.com" : "example.com"}`;

/** The user's email attribute (on an email-username pool the Username is an internal id). */
export const emailOf = (u: UserType): string | undefined => u.Attributes?.find((a) => a.Name === "email")?.Value;

/** Every user whose email starts with the prefix. */
export async function listUsersByPrefix(t: Target, prefix: string): Promise<UserType[]> {
  const users: UserType[] = [];
  let token: string | undefined;
  do {
    const page = await t.send((o) =>
      t.idp.send(
        new ListUsersCommand({
          UserPoolId: t.outputs.userPoolId,
          Filter: `email ^= "${prefix}"`,
          PaginationToken: token,
          Limit: 60,
        }),
        o,
      ),
    );
    users.push(...(page.Users ?? []));
    token = page.PaginationToken;
  } while (token);
  return users;
}

/** Deletes a user the check created; a user that never got created (or is already gone) is fine. */
export async function deleteUser(t: Target, username: string): Promise<void> {
  try {
    await t.send((o) =>
      t.idp.send(new AdminDeleteUserCommand({ UserPoolId: t.outputs.userPoolId, Username: username }), o),
    );
  } catch (e) {
    if (errorName(e) !== "UserNotFoundException") throw e;
  }
}

/** Deletes the given users; returns how many. */
export async function deleteUsers(t: Target, users: readonly UserType[]): Promise<number> {
  for (const u of users) await deleteUser(t, u.Username as string);
  return users.length;
}

/** Check users (any run) created more than a day before `now`: leftovers of runs that were killed. */
export async function staleCheckUsers(t: Target, now = Date.now()): Promise<UserType[]> {
  const found = new Map<string, UserType>();
  for (const prefix of SWEEP_PREFIXES) {
    for (const u of await listUsersByPrefix(t, prefix)) {
      const created = u.UserCreateDate?.getTime();
      if (u.Username && created !== undefined && now - created > STALE_AFTER_MS) found.set(u.Username, u);
    }
  }
  return [...found.values()];
}
