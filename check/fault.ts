/**
 * The fault check: the emulator dies in the middle of a login flow. It runs the real CLI in a child
 * process (`--emulator dev --fault-at refresh`), which SIGKILLs its emulator as that step starts,
 * and passes only if that process exits non-zero on its own within the time limit, names the step
 * and the dead emulator, and leaves no emulator process behind: every process the child started
 * (watched in /proc while it runs) must be gone, and the emulator's port free.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import type { MotoServer } from "../emulator/moto-server";
import { PROJECT_ROOT } from "../util/project-root";
import { TS_LOADER_ARGS } from "../util/ts-loader";
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
  /** From the child's `emulator: moto on http://127.0.0.1:<port> (pid <pid>` line. */
  emulatorPid?: number;
  emulatorPort?: number;
  /** Every process seen with the child as its parent while the child ran (start time tells a reused pid apart). */
  children: ProcessId[];
}

export interface ProcessId {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: when it started, in clock ticks since boot. */
  start: string;
}

/** The fields of /proc/<pid>/stat after `pid (comm)`, or undefined once the process is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm may hold spaces and parentheses, so count from the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** The processes whose parent is `ppid` (Linux /proc). */
export function childrenOf(ppid: number): ProcessId[] {
  const out: ProcessId[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(d);
    if (f && Number(f[1]) === ppid) out.push({ pid: Number(d), start: f[19] });
  }
  return out;
}

/** True while that very process (same pid and start time) runs and is not a zombie. */
export function stillRunning(p: ProcessId): boolean {
  const f = statFields(p.pid);
  return f !== undefined && f[19] === p.start && f[0] !== "Z";
}

/** True when nothing accepts connections on the loopback port. */
export function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

export function runFaultChild(step = FAULT_STEP, stack = "dev"): Promise<FaultRun> {
  const cli = path.join(PROJECT_ROOT, "scripts", "check.ts");
  const child = spawn(process.execPath, [...TS_LOADER_ARGS, cli, "--emulator", stack, "--fault-at", step], {
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
  const seen = new Map<string, ProcessId>();
  const watch = setInterval(() => {
    if (child.pid !== undefined) for (const p of childrenOf(child.pid)) seen.set(`${p.pid}/${p.start}`, p);
  }, 50);
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CHILD_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      const m = /emulator: moto on http:\/\/[\d.]+:(\d+) \(pid (\d+)/.exec(output);
      resolve({
        code,
        output,
        timedOut,
        failFastMs: killedAt === undefined ? undefined : performance.now() - killedAt,
        ...(m ? { emulatorPort: Number(m[1]), emulatorPid: Number(m[2]) } : {}),
        children: [...seen.values()],
      });
    });
  });
}

/** What is wrong with a fault run; empty when it failed the way it must. */
export function faultProblems(r: FaultRun, step = FAULT_STEP): string[] {
  const problems: string[] = [];
  if (r.timedOut) problems.push(`the run hung: still going after ${CHILD_LIMIT_MS / 1000} s`);
  if (r.code === 0) problems.push("the run exited 0 although its emulator died");
  if (r.failFastMs === undefined) problems.push(`the emulator was never killed (step "${step}" did not start)`);
  else if (r.failFastMs > FAIL_FAST_LIMIT_MS)
    problems.push(`it took ${Math.round(r.failFastMs)} ms to fail after the kill (limit ${FAIL_FAST_LIMIT_MS})`);
  if (!new RegExp(`FAIL .*${step}.*exited unexpectedly`).test(r.output))
    problems.push(`no FAIL line names step "${step}" and the dead emulator`);
  if (!/^\d+ passed, [1-9]\d* failed/m.test(r.output)) problems.push("no closing line with failures");
  if (r.emulatorPid === undefined)
    problems.push("the run printed no emulator pid and port, so nothing shows which emulator to look for");
  else if (!r.children.some((c) => c.pid === r.emulatorPid)) {
    problems.push(
      `emulator pid ${r.emulatorPid} was never seen as a child of the run (seen: ${r.children.map((c) => c.pid).join(", ") || "none"}), so the orphan check would look at the wrong processes`,
    );
  }
  return problems;
}

/** Processes the run started that outlive it, and an emulator port still taken. */
export async function leftoverProblems(r: FaultRun, waitMs = 3000): Promise<string[]> {
  const problems: string[] = [];
  const deadline = Date.now() + waitMs;
  for (const p of r.children) {
    while (stillRunning(p) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    if (stillRunning(p))
      problems.push(`process ${p.pid} started by the run is still running (orphan): ${cmdline(p.pid)}`);
  }
  if (r.emulatorPort !== undefined && !(await portFree(r.emulatorPort)))
    problems.push(`port ${r.emulatorPort} of the killed emulator still accepts connections`);
  return problems;
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 200);
  } catch {
    return "(command line unreadable)";
  }
}

export async function faultCheck(report: Report): Promise<void> {
  report.note(`fault check: a child run kills its emulator when step "${FAULT_STEP}" starts`);
  const started = performance.now();
  const r = await runFaultChild();
  const problems = [...faultProblems(r), ...(await leftoverProblems(r))];
  const label = `fault check (emulator killed during "${FAULT_STEP}")`;
  if (problems.length) {
    report.fail(label, `${problems.join("; ")}\n--- child output ---\n${r.output.trim()}\n---`);
    return;
  }
  const failLine = r.output.split("\n").find((l) => l.includes("FAIL")) ?? "";
  report.note(`  child: ${failLine.trim()}`);
  report.pass(label, "fault-check", performance.now() - started);
  report.note(
    `  failed ${Math.round(r.failFastMs ?? 0)} ms after the kill, exit code ${r.code}; none of its ${r.children.length} child process(es) left running, port ${r.emulatorPort} free`,
  );
}
