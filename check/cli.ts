/**
 * `npm run test:integration [-- options]`: the login-flow check.
 *
 *   (no options)              every committed stack (Pulumi.<stack>.yaml) deployed in turn into the
 *                             local emulator, each checked; then the emulator fault check
 *   --emulator <stack>        only this stack in the emulator (repeatable)
 *   --stack <stack>           a real deployed stack: `pulumi stack output --json --show-secrets`
 *   --outputs <file.json>     a real deployed stack, outputs from a file
 *   --region <replica>        with --stack/--outputs: check the pool's replica in that region
 *                             (sign-in works, sign-up and password reset are refused)
 *   --users N --concurrency C N full flows, C at once; prints p50/p95 per step and per flow
 *   --timeout-ms MS           bound for every call (default 15000)
 *   --no-fault-check          skip the emulator fault check
 *   --fault-at <step>         (used by the fault check) kill the emulator when <step> starts
 *
 * Ends with `N passed, N failed[, N skipped]` on its own line; exits 1 on any failure, 2 on bad usage or a
 * refused stack config, 3 on a crash (a bug).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ConfigError } from "../config/errors";
import { stackNames, stacksIn } from "../config/stack-file";
import { deployToEmulator } from "../emulator/deploy";
import { type MotoServer, startMotoServer } from "../emulator/moto-server";
import { EmulatorSetupError, ensureEmulator } from "../emulator/setup";
import { ownCpuSeconds, processCpuSeconds } from "../util/process-cpu";
import { PROJECT_ROOT } from "../util/project-root";
import { faultCheck, killAtStep } from "./fault";
import { outputsFromFile, outputsFromPulumi } from "./outputs-source";
import { replicaRegionCheck, replicaTarget } from "./replica-region";
import { describeError, Report } from "./report";
import { runCheck } from "./run-check";
import type { StepHooks } from "./steps";
import { awsTarget, emulatorTarget } from "./target";

export interface CliOptions {
  emulatorStacks: string[];
  stack?: string;
  outputsFile?: string;
  users: number;
  concurrency: number;
  timeoutMs: number;
  faultCheck: boolean;
  faultAt?: string;
  /** A replica region of the deployed stack to check instead of its primary. */
  region?: string;
}

export class UsageError extends Error {}

function positiveInt(v: string | undefined, flag: string): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} needs a positive integer, got ${v ?? "nothing"}`);
  return n;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { emulatorStacks: [], users: 1, concurrency: 1, timeoutMs: 15_000, faultCheck: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case "--emulator":
        o.emulatorStacks.push(value());
        break;
      case "--stack":
        o.stack = value();
        break;
      case "--outputs":
        o.outputsFile = value();
        break;
      case "--users":
        o.users = positiveInt(argv[++i], a);
        break;
      case "--concurrency":
        o.concurrency = positiveInt(argv[++i], a);
        break;
      case "--timeout-ms":
        o.timeoutMs = positiveInt(argv[++i], a);
        break;
      case "--region":
        o.region = value();
        break;
      case "--no-fault-check":
        o.faultCheck = false;
        break;
      case "--fault-at":
        o.faultAt = value();
        o.faultCheck = false;
        break;
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  const targets = [o.stack, o.outputsFile, o.emulatorStacks.length ? "emulator" : undefined].filter(Boolean);
  if (targets.length > 1) throw new UsageError("choose one target: --stack, --outputs or --emulator");
  if (o.faultAt && (o.stack || o.outputsFile)) throw new UsageError("--fault-at works on the emulator only");
  if (o.region && !(o.stack || o.outputsFile))
    throw new UsageError("--region needs a deployed stack (--stack or --outputs): the emulator has no replication");
  return o;
}

/**
 * Stacks with a committed `Pulumi.<stack>.yaml` in the project root: what git tracks, so a scratch
 * stack file of the user's neither joins nor breaks the run; every stack file outside a checkout.
 */
export function committedStacks(dir = PROJECT_ROOT): string[] {
  const tracked = spawnSync("git", ["ls-files", "--", "Pulumi.*.yaml"], { cwd: dir, encoding: "utf8" });
  return tracked.status === 0 ? stackNames(tracked.stdout.split("\n")) : stacksIn(dir);
}

/** Runs the check on the emulator; returns how many stacks were refused for their config. */
async function onEmulator(o: CliOptions, report: Report): Promise<number> {
  let refused = 0;
  const stacks = o.emulatorStacks.length ? o.emulatorStacks : committedStacks();
  const setup = ensureEmulator({ log: (l) => report.note(`emulator setup: ${l}`) });
  let server: MotoServer | undefined;
  try {
    server = await startMotoServer();
    report.note(
      `emulator: moto on ${server.endpoint} (pid ${server.pid}, ${path.relative(PROJECT_ROOT, setup.python)})`,
    );
    const hooks: StepHooks = o.faultAt ? killAtStep(server, o.faultAt, report) : {};
    for (const stack of stacks) {
      if (server.died.aborted) break;
      await server.reset();
      const t0 = performance.now();
      let deployed: Awaited<ReturnType<typeof deployToEmulator>>;
      try {
        deployed = await deployToEmulator({ stack, endpoint: server.endpoint });
      } catch (e) {
        if (e instanceof ConfigError) refused++;
        report.fail(`emulator (stack ${stack}) deploy`, e instanceof ConfigError ? e.message : describeError(e));
        continue;
      }
      report.note(
        `emulator (stack ${stack}): deployed ${deployed.emulated.length} resources in ${Math.round(performance.now() - t0)} ms` +
          (deployed.regionNote ? `; ${deployed.regionNote}` : ""),
      );
      for (const n of deployed.notEmulated)
        report.note(`  not emulated: ${n.type.split(":").pop()} ${n.name}: ${n.reason}`);
      const target = await emulatorTarget(server.endpoint, deployed.outputs, server.died, {
        callTimeoutMs: o.timeoutMs,
      });
      // What the emulator itself costs: its CPU against this process's over the same check.
      const before = { moto: processCpuSeconds(server.pid), check: ownCpuSeconds(), wall: performance.now() };
      await runCheck(target, report, { users: o.users, concurrency: o.concurrency, hooks });
      const motoAfter = processCpuSeconds(server.pid);
      if (before.moto !== undefined && motoAfter !== undefined)
        report.note(
          `emulator (stack ${stack}): over the check's ${((performance.now() - before.wall) / 1000).toFixed(1)} s, ` +
            `moto used ${(motoAfter - before.moto).toFixed(2)} s of CPU, the check's own process ${(ownCpuSeconds() - before.check).toFixed(2)} s`,
        );
    }
  } finally {
    await server?.stop();
  }
  if (o.faultCheck) await faultCheck(report);
  return refused;
}

async function onAws(o: CliOptions, report: Report): Promise<void> {
  const outputs = o.outputsFile ? outputsFromFile(o.outputsFile) : outputsFromPulumi(o.stack as string, PROJECT_ROOT);
  if (o.region) {
    const primary = awsTarget(outputs, { callTimeoutMs: o.timeoutMs });
    await replicaRegionCheck(
      primary,
      replicaTarget(primary, o.region, { callTimeoutMs: o.timeoutMs }),
      o.region,
      report,
    );
    return;
  }
  await runCheck(awsTarget(outputs, { callTimeoutMs: o.timeoutMs }), report, {
    users: o.users,
    concurrency: o.concurrency,
  });
}

export async function main(
  argv: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  let o: CliOptions;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(
        `${e.message}\nusage: npm run test:integration [-- --emulator <stack> | --stack <stack> [--region <replica>] | --outputs <file>] [--users N --concurrency C]\n`,
      );
      return 2;
    }
    throw e;
  }
  const report = new Report(out, o.users === 1);
  const started = performance.now();
  let refused = 0;
  try {
    if (o.stack || o.outputsFile) await onAws(o, report);
    else refused = await onEmulator(o, report);
  } catch (e) {
    report.fail("integration check", e instanceof EmulatorSetupError ? e.message : describeError(e));
  }
  out(`suite time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  out(report.closingLine());
  // A refused stack config is the user's to fix (2), as in `npm run plan`; a failed check is 1.
  return refused > 0 ? 2 : report.failed > 0 ? 1 : 0;
}
