/**
 * `--region <replica>` on a deployed stack: the pool as a replica region serves it during failover.
 * A user created in the primary region signs in against the replica (after replication, which is
 * eventually consistent, so the sign-in is retried for a while), and the replica refuses the writes
 * the developer guide says it cannot take: sign-up and password reset, each with
 * OperationNotEnabledException (API reference: "thrown when an operation is not available in the
 * current region ... not supported in secondary replica regions"). The user is deleted in the
 * primary afterwards. The emulator has no replication, so this runs on AWS only.
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ForgotPasswordCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { type AppClient, expectError, secretHash, srpSignIn } from "./auth";
import type { Report } from "./report";
import { errorName } from "./retry";
import { Steps } from "./steps";
import { strongPassword } from "./subjects";
import { awsTarget, type Target, type TargetOptions } from "./target";
import { deleteUser, userEmail } from "./users";

/** The documented error a secondary replica answers writes with. */
export const REPLICA_REFUSAL = "OperationNotEnabledException";

/** Errors that mean "not replicated yet": the user exists in the primary only. */
const NOT_YET = ["UserNotFoundException", "NotAuthorizedException"];

export interface ReplicaCheckOptions {
  /** How long to wait for the user to reach the replica. @default 120000 */
  replicationWaitMs?: number;
  /** Between sign-in attempts. @default 5000 */
  pollMs?: number;
  /** Names the user. @default random */
  runId?: string;
}

/** The stack's replica regions from its outputs. */
export function replicaRegions(t: Target): string[] {
  return Object.keys(t.outputs.replication?.regions ?? {});
}

/** The same deployed stack, called in a replica region (same pool id, that region's endpoint). */
export function replicaTarget(primary: Target, region: string, o: TargetOptions = {}): Target {
  const t = awsTarget({ ...primary.outputs, region }, o);
  return { ...t, label: `${primary.label} replica ${region}` };
}

/** The client the check signs in with: the first that allows SRP. */
function srpClient(t: Target): AppClient | undefined {
  const entry = Object.entries(t.outputs.clients).find(([, c]) => c.explicitAuthFlows.includes("ALLOW_USER_SRP_AUTH"));
  return entry && { ...entry[1], key: entry[0], clientSecret: t.outputs.clientSecrets[entry[0]] };
}

/** The `iss` of a JWT, unverified: the check only compares it with the issuer the outputs promise. */
function issuerOf(jwt: string): unknown {
  return (JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { iss?: unknown }).iss;
}

export async function replicaRegionCheck(
  primary: Target,
  replica: Target,
  region: string,
  report: Report,
  o: ReplicaCheckOptions = {},
): Promise<void> {
  const steps = new Steps(report, replica.label);
  const expected = primary.outputs.replication?.regions[region];
  if (!expected) {
    report.fail(
      replica.label,
      `the stack has no replica in ${region} (its replica regions: ${replicaRegions(primary).join(", ") || "none"})`,
    );
    return;
  }
  const client = srpClient(primary);
  if (!client) {
    report.fail(replica.label, "no app client allows ALLOW_USER_SRP_AUTH to sign in with");
    return;
  }
  const clock = replica.clock ?? {
    now: () => Date.now(),
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  };
  const email = userEmail(primary.caps, o.runId ?? Math.random().toString(16).slice(2, 8), "replica");
  const password = strongPassword(primary.outputs.passwordPolicy);
  let username: string | undefined;
  try {
    // Each step is reported on its own: a refused sign-up says nothing about password reset.
    const noop = () => undefined;
    username = await steps
      .run("replica-user (primary)", async () => {
        const created = await primary.send((x) =>
          primary.idp.send(
            new AdminCreateUserCommand({
              UserPoolId: primary.outputs.userPoolId,
              Username: email,
              MessageAction: "SUPPRESS",
              UserAttributes: [
                { Name: "email", Value: email },
                { Name: "email_verified", Value: "true" },
              ],
            }),
            x,
          ),
        );
        await primary.send((x) =>
          primary.idp.send(
            new AdminSetUserPasswordCommand({
              UserPoolId: primary.outputs.userPoolId,
              Username: email,
              Password: password,
              Permanent: true,
            }),
            x,
          ),
        );
        return created.User?.Username ?? email;
      })
      .catch(noop);

    if (username !== undefined)
      await steps
        .run("replica-sign-in", async () => {
          const deadline = clock.now() + (o.replicationWaitMs ?? 120_000);
          for (;;) {
            try {
              const s = await srpSignIn(replica, client, email, password);
              if (s.tokens?.IdToken) {
                const iss = issuerOf(s.tokens.IdToken);
                if (iss !== expected.issuer)
                  throw new Error(`the replica's ID token has iss ${String(iss)}, not ${expected.issuer}`);
              } else {
                // The password was accepted; what follows is the pool's MFA. A replica does not support
                // TOTP MFA (developer guide), which the README's runbook calls out.
                steps.note(`the replica accepted the password and asks for ${s.challenge ?? "nothing"}`);
              }
              return;
            } catch (e) {
              if (!NOT_YET.includes(errorName(e) ?? "") || clock.now() >= deadline) throw e;
              await clock.sleep(o.pollMs ?? 5000);
            }
          }
        })
        .catch(noop);

    const newcomer = userEmail(primary.caps, "replica-signup", Date.now());
    await steps
      .run("replica-refuses-sign-up", () =>
        expectError(
          () =>
            replica.send((x) =>
              replica.idp.send(
                new SignUpCommand({
                  ClientId: client.clientId,
                  Username: newcomer,
                  Password: password,
                  SecretHash: secretHash(client, newcomer),
                }),
                x,
              ),
            ),
          REPLICA_REFUSAL,
        ),
      )
      .catch(noop);
    await steps
      .run("replica-refuses-password-reset", () =>
        expectError(
          () =>
            replica.send((x) =>
              replica.idp.send(
                new ForgotPasswordCommand({
                  ClientId: client.clientId,
                  Username: email,
                  SecretHash: secretHash(client, email),
                }),
                x,
              ),
            ),
          REPLICA_REFUSAL,
        ),
      )
      .catch(noop);
  } finally {
    if (username !== undefined) {
      const u = username;
      await steps.run("replica-user cleanup (primary)", () => deleteUser(primary, u)).catch(() => undefined);
    }
  }
}
