/**
 * The check against one target: what the pool is (DescribeUserPool), the seed user's first
 * sign-in, then N full login flows with at most C at once, then a ListUsers proving no user the
 * check created is left behind (any found are deleted after the step fails), and on a real pool a
 * sweep of check users that killed runs left more than a day ago. Under load it prints p50/p95 per
 * step and per flow (failed flows apart). A dead emulator stops new flows at once.
 */

import { randomBytes } from "node:crypto";
import type { UserType } from "@aws-sdk/client-cognito-identity-provider";
import { loginFlow } from "./login-flow";
import { describeError, type Report, StepFailure } from "./report";
import { seedUserCheck } from "./seed-user";
import { type StepHooks, Steps } from "./steps";
import { describePool, type FlowPlan, planFlow } from "./subjects";
import type { Target } from "./target";
import { deleteUsers, listUsersByPrefix, staleCheckUsers, userPrefix } from "./users";

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
export async function runPool(
  n: number,
  c: number,
  fn: (i: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n && !stop()) {
      next++;
      await fn(next);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(c, n)) }, worker));
}

export async function runCheck(t: Target, report: Report, o: CheckOptions = {}): Promise<CheckSummary> {
  const users = o.users ?? 1;
  const concurrency = o.concurrency ?? 1;
  const runId = o.runId ?? randomBytes(3).toString("hex");
  report.startTimings();
  const shared = new Steps(report, t.label, o.hooks);
  let plan: FlowPlan;
  try {
    plan = planFlow(t.outputs, await shared.run("describe-pool", () => describePool(t)));
  } catch (e) {
    if (!(e instanceof StepFailure)) throw e;
    return { flows: users, flowsFailed: users, wallMs: 0 };
  }
  report.note(
    `${t.label}: pool ${t.outputs.userPoolId}, MFA ${t.outputs.mfaConfiguration}; SRP client "${plan.srpClient.key}"` +
      `${plan.passwordClient ? `, password client "${plan.passwordClient.key}"` : ""}; group ${plan.group ?? "(none)"}` +
      `; attribute ${plan.customAttribute ?? "(none)"}; run ${runId}`,
  );
  if (!t.caps.checksSrpPassword)
    report.note(`  note: ${t.label} accepts any SRP password proof: the SRP math runs, the password check is skipped`);
  if (plan.skipped["custom-attribute"]) shared.skip("custom-attribute", plan.skipped["custom-attribute"]);

  try {
    await seedUserCheck(t, plan, runId, shared);
  } catch (e) {
    if (!(e instanceof StepFailure)) report.fail(`${t.label} seed-user`, describeError(e));
  }

  let flowsFailed = 0;
  const started = performance.now();
  await runPool(
    users,
    concurrency,
    async (n) => {
      const steps = new Steps(report, `${t.label} #${n}`, o.hooks);
      const t0 = performance.now();
      try {
        await loginFlow(t, plan, runId, n, steps);
        report.timings.add("whole flow", performance.now() - t0);
      } catch (e) {
        flowsFailed++;
        report.timings.add("whole flow (failed)", performance.now() - t0);
        if (!(e instanceof StepFailure)) report.fail(`${t.label} #${n}`, describeError(e));
      }
    },
    () => t.gone?.aborted === true,
  );
  const wallMs = performance.now() - started;

  if (t.gone?.aborted) report.note(`${t.label}: stopped early: ${describeError(t.gone.reason)}`);
  else await afterRun(t, runId, shared);
  if (users > 1) {
    report.note(
      `${t.label}: ${users - flowsFailed}/${users} flows passed, concurrency ${concurrency}, ${(wallMs / 1000).toFixed(1)} s wall, ${t.retries.count} throttling retries`,
    );
    report.note(
      report.timings
        .table()
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n"),
    );
  }
  return { flows: users, flowsFailed, wallMs };
}

/** Steps that fail only add a FAIL line; the run goes on to the next one. */
async function step(steps: Steps, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await steps.run(name, fn);
  } catch (e) {
    if (!(e instanceof StepFailure)) throw e;
  }
}

/** no-users-left, then deleting what it found, then the sweep of stale users from earlier runs. */
export async function afterRun(t: Target, runId: string, shared: Steps, now = Date.now()): Promise<void> {
  let left: UserType[] = [];
  await step(shared, "no-users-left", async () => {
    left = await listUsersByPrefix(t, userPrefix(t.caps, runId));
    if (left.length)
      throw new Error(
        `${left.length} user(s) left behind: ${left
          .slice(0, 5)
          .map((u) => u.Username)
          .join(", ")}`,
      );
  });
  if (left.length)
    await step(shared, "leftover-cleanup", async () => {
      await deleteUsers(t, left);
    });
  if (!t.caps.keepsEarlierRuns) {
    shared.skip("sweep-stale-users", "a fresh emulator holds no users of earlier runs");
    return;
  }
  await step(shared, "sweep-stale-users", async () => {
    const stale = await staleCheckUsers(t, now);
    if (stale.length) shared.note(`swept ${await deleteUsers(t, stale)} check user(s) older than a day`);
  });
}
