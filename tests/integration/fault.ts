/**
 * The fault check: the emulator dies in the middle of a login flow. It runs the real CLI in a child
 * process (`--emulator dev --fault-at refresh`), which SIGKILLs its emulator as that step starts,
 * and passes only if that process exits non-zero on its own within the time limit, names the step
 * and the dead emulator, and leaves no emulator process behind.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { MotoServer } from "../../emulator/moto-server";
import { PROJECT_ROOT } from "../../emulator/setup";
import type { Report } from "./report";
import type { StepHooks } from "./steps";

export const FAULT_STEP = "refresh";
/** From the kill to the child's exit: a run that fails fast is done in well under this. */
export const FAIL_FAST_LIMIT_MS = 10_000;
/** The child must finish (deploy, flow up to the fault, exit) within this, or it hangs. */
export const CHILD_LIMIT_MS = 120_000;

/** Kills the emulator (SIGKILL) when `step` first starts, and waits until its death is noticed. */
export function killAtStep(server: MotoServer, step: string, report: Report): StepHooks {
  let done = false;
  return {
    async beforeStep(name) {
      if (done || name !== step) return;
      done = true;
      report.note(`fault: killing the emulator (pid ${server.pid}) as step "${step}" starts`);
      process.kill(server.pid, "SIGKILL");
      await new Promise<void>((resolve) => {
        if (server.died.aborted) resolve();
        else server.died.addEventListener("abort", () => resolve(), { once: true });
        setTimeout(resolve, 5000);
      });
    },
  };
}

export interface FaultRun {
  code: number | null;
  output: string;
  /** ms from the kill notice to the child's exit; undefined if the kill never happened. */
  failFastMs?: number;
  timedOut: boolean;
  emulatorPid?: number;
}

export function runFaultChild(step = FAULT_STEP, stack = "dev"): Promise<FaultRun> {
  const cli = path.join(PROJECT_ROOT, "tests", "integration", "cli.ts");
  const child = spawn(process.execPath, ["-r", "ts-node/register", cli, "--emulator", stack, "--fault-at", step], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  });
  let output = "";
  let killedAt: number | undefined;
  const onData = (b: Buffer): void => {
    output += b.toString("utf8");
    if (killedAt === undefined && output.includes("fault: killing the emulator")) killedAt = performance.now();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CHILD_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const pid = /emulator: moto on \S+ \(pid (\d+)/.exec(output)?.[1];
      resolve({ code, output, timedOut, failFastMs: killedAt === undefined ? undefined : performance.now() - killedAt, emulatorPid: pid ? Number(pid) : undefined });
    });
  });
}

/** True while the process runs; a zombie (killed, not yet reaped) counts as gone. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** Waits up to `ms` for the process to be gone. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** What is wrong with a fault run; empty when it failed the way it must. */
export function faultProblems(r: FaultRun, step = FAULT_STEP): string[] {
  const problems: string[] = [];
  if (r.timedOut) problems.push(`the run hung: still going after ${CHILD_LIMIT_MS / 1000} s`);
  if (r.code === 0) problems.push("the run exited 0 although its emulator died");
  if (r.failFastMs === undefined) problems.push(`the emulator was never killed (step "${step}" did not start)`);
  else if (r.failFastMs > FAIL_FAST_LIMIT_MS) problems.push(`it took ${Math.round(r.failFastMs)} ms to fail after the kill (limit ${FAIL_FAST_LIMIT_MS})`);
  if (!new RegExp(`FAIL .*${step}.*exited unexpectedly`).test(r.output)) problems.push(`no FAIL line names step "${step}" and the dead emulator`);
  if (!/^\d+ passed, [1-9]\d* failed/m.test(r.output)) problems.push("no closing line with failures");
  return problems;
}

export async function faultCheck(report: Report): Promise<void> {
  report.note(`fault check: a child run kills its emulator when step "${FAULT_STEP}" starts`);
  const started = performance.now();
  const r = await runFaultChild();
  const problems = faultProblems(r);
  if (r.emulatorPid !== undefined && !(await goneWithin(r.emulatorPid, 3000))) problems.push(`emulator pid ${r.emulatorPid} is still running (orphan)`);
  const label = `fault check (emulator killed during "${FAULT_STEP}")`;
  if (problems.length) {
    report.fail(label, `${problems.join("; ")}\n--- child output ---\n${r.output.trim()}\n---`);
    return;
  }
  const failLine = r.output.split("\n").find((l) => l.includes("FAIL")) ?? "";
  report.note(`  child: ${failLine.trim()}`);
  report.pass(label, "fault-check", performance.now() - started);
  report.note(`  failed ${Math.round(r.failFastMs ?? 0)} ms after the kill, exit code ${r.code}, no emulator left running`);
}
