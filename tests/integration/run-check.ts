/**
 * The check against one target: the seed user's first sign-in, then N full login flows with at
 * most C at once, then a ListUsers proving no user the check created is left behind. Under load it
 * prints p50/p95 per step and per flow. A dead emulator stops new flows at once.
 */
import { randomBytes } from "crypto";
import { ListUsersCommand, UserType } from "@aws-sdk/client-cognito-identity-provider";
import { loginFlow, userPrefix } from "./login-flow";
import { planFlow } from "./plan";
import { describeError, Report, StepFailure } from "./report";
import { seedUserCheck } from "./seed-user";
import { StepHooks, Steps } from "./steps";
import type { Target } from "./target";

export interface CheckOptions {
  /** Full flows to run. @default 1 */
  users?: number;
  /** Flows at once. @default 1 */
  concurrency?: number;
  hooks?: StepHooks;
  /** Names this run's users. @default random */
  runId?: string;
}

export interface CheckSummary {
  flows: number;
  flowsFailed: number;
  wallMs: number;
}

/** Runs `fn(1..n)` with at most `c` at once; stops starting new ones once `stop()` is true. */
export async function runPool(n: number, c: number, fn: (i: number) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n && !stop()) {
      next++;
      await fn(next);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(c, n)) }, worker));
}

async function listCheckUsers(t: Target, prefix: string): Promise<UserType[]> {
  const users: UserType[] = [];
  let token: string | undefined;
  do {
    const page = await t.send((o) => t.idp.send(new ListUsersCommand({
      UserPoolId: t.outputs.userPoolId, Filter: `email ^= "${prefix}"`, PaginationToken: token, Limit: 60,
    }), o));
    users.push(...(page.Users ?? []));
    token = page.PaginationToken;
  } while (token);
  return users;
}

export async function runCheck(t: Target, report: Report, o: CheckOptions = {}): Promise<CheckSummary> {
  const users = o.users ?? 1;
  const concurrency = o.concurrency ?? 1;
  const runId = o.runId ?? randomBytes(3).toString("hex");
  const plan = planFlow(t.outputs);
  report.note(`${t.label}: pool ${t.outputs.userPoolId}, MFA ${t.outputs.mfaConfiguration}; SRP client "${plan.srpClient.key}"`
    + `${plan.passwordClient ? `, password client "${plan.passwordClient.key}"` : ""}; group ${plan.group ?? "(none)"}; run ${runId}`);
  if (!t.caps.checksSrpPassword) report.note(`  note: ${t.label} accepts any SRP password proof: the SRP math runs, the password check is skipped`);

  report.startTimings();
  const shared = new Steps(report, t.label, o.hooks);
  try {
    await seedUserCheck(t, plan, runId, shared);
  } catch (e) {
    if (!(e instanceof StepFailure)) report.fail(`${t.label} seed-user`, describeError(e));
  }

  let flowsFailed = 0;
  const started = performance.now();
  await runPool(users, concurrency, async (n) => {
    const steps = new Steps(report, `${t.label} #${n}`, o.hooks);
    const t0 = performance.now();
    try {
      await loginFlow(t, plan, runId, n, steps);
      report.timings.add("whole flow", performance.now() - t0);
    } catch (e) {
      flowsFailed++;
      if (!(e instanceof StepFailure)) report.fail(`${t.label} #${n}`, describeError(e));
    }
  }, () => t.gone?.aborted === true);
  const wallMs = performance.now() - started;

  if (t.gone?.aborted) {
    report.note(`${t.label}: stopped early: ${describeError(t.gone.reason)}`);
  } else {
    try {
      await shared.run("no-users-left", async () => {
        const left = await listCheckUsers(t, userPrefix(runId));
        if (left.length) throw new Error(`${left.length} user(s) left behind: ${left.slice(0, 5).map((u) => u.Username).join(", ")}`);
      });
    } catch (e) {
      if (!(e instanceof StepFailure)) throw e;
    }
  }
  if (users > 1) {
    report.note(`${t.label}: ${users - flowsFailed}/${users} flows passed, concurrency ${concurrency}, ${(wallMs / 1000).toFixed(1)} s wall, ${t.retries.count} throttling retries`);
    report.note(report.timings.table().split("\n").map((l) => `  ${l}`).join("\n"));
  }
  return { flows: users, flowsFailed, wallMs };
}
