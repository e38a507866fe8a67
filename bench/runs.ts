/**
 * The processes `npm run bench` times (scripts/bench.ts): cold plans against the floor, scaled
 * stacks against the SDK alone, the test suites and the login flow. Each returns its figures;
 * bench/report.ts turns them into Markdown.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compiled } from "../scripts/compiled";
import { PLAN_ARGS } from "../util/plan-command";
import { PROJECT_ROOT } from "../util/project-root";
import { TS_LOADER_ARGS } from "../util/ts-loader";
import { BENCH_STACK, writeScaledStack } from "./generate-stack";
import { median, parseLoadOutput, ratio } from "./stats";

const ROOT = PROJECT_ROOT;
const SIZES = [10, 100, 1000];
/** Samples per offline figure: 5, or 2 with --quick. */
export const runsOf = (quick: boolean): number => (quick ? 2 : 5);
/** N=1000 takes tens of seconds a run; the quick mode runs it once. */
const runsFor = (n: number, quick: boolean): number => (n >= 1000 ? (quick ? 1 : 5) : runsOf(quick));
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Sample {
  ms: number;
  /** Peak resident set, KB (GNU time's %M); null without /usr/bin/time. */
  maxRssKb: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One child process, timed from spawn to exit, with its peak memory. */
function measure(args: string[], env: NodeJS.ProcessEnv = process.env): Sample {
  const marker = "__BENCH_MAXRSS_KB=";
  const [cmd, full] = TIME ? [TIME, ["-f", `${marker}%M`, process.execPath, ...args]] : [process.execPath, args];
  // stdout goes to a file, so a large plan document never waits on this process reading a pipe.
  const outFile = path.join(os.tmpdir(), `cognito-bench-stdout-${process.pid}.txt`);
  const fd = fs.openSync(outFile, "w");
  const t0 = performance.now();
  const r = spawnSync(cmd, full, {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: ["ignore", fd, "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  fs.closeSync(fd);
  const stdout = fs.readFileSync(outFile, "utf8");
  fs.rmSync(outFile, { force: true });
  const m = new RegExp(`${marker}(\\d+)`).exec(r.stderr ?? "");
  return {
    ms,
    maxRssKb: m ? Number(m[1]) : null,
    code: r.status,
    stdout,
    stderr: (r.stderr ?? "").replace(new RegExp(`${marker}\\d+\\n?`), ""),
  };
}

interface Figure {
  medianMs: number;
  samplesMs: number[];
  maxRssKb: number | null;
  exit: (number | null)[];
}

function figure(samples: Sample[]): Figure {
  const rss = samples.flatMap((s) => (s.maxRssKb === null ? [] : [s.maxRssKb]));
  return {
    medianMs: Math.round(median(samples.map((s) => s.ms))),
    samplesMs: samples.map((s) => Math.round(s.ms)),
    maxRssKb: rss.length ? median(rss) : null,
    exit: samples.map((s) => s.code),
  };
}

export const log = (s: string): void => {
  process.stderr.write(`bench: ${s}\n`);
};

const planArgs = (stack: string): string[] => [...PLAN_ARGS, stack, "--json"];

/**
 * Floor, dev and prod interleaved per round, so drift on the machine hits all alike; beside them,
 * for what the figures mean: the floor with the deferral the plan makes, prod right after an edit
 * (the bundle rebuilt first) and prod through the TypeScript loader (the path before the bundle).
 */
export function coldPlans(quick: boolean) {
  const runs = runsOf(quick);
  const floor: Sample[] = [];
  const floorDeferred: Sample[] = [];
  const dev: Sample[] = [];
  const prod: Sample[] = [];
  const prodRebuilt: Sample[] = [];
  const prodLoader: Sample[] = [];
  // The floor given the same deferral of the SDK's TypeScript load as the plan makes.
  const preload = compiled("defer-typescript");
  // One untimed round warms the OS file cache and leaves a fresh bundle, as a second run would.
  measure(planArgs("prod"));
  for (let i = 0; i < runs; i++) {
    floor.push(measure(["bench/floor.js"]));
    floorDeferred.push(measure(["-r", preload, "bench/floor.js"]));
    dev.push(measure(planArgs("dev")));
    prod.push(measure(planArgs("prod")));
    fs.rmSync(path.join(ROOT, ".build", "plan.js"), { force: true });
    prodRebuilt.push(measure(planArgs("prod")));
    prodLoader.push(measure([...TS_LOADER_ARGS, "scripts/plan.ts", "prod", "--json"]));
    log(`cold plan round ${i + 1}/${runs}`);
  }
  const f = figure(floor);
  const vs = (x: Figure) => ({ ...x, vsFloor: ratio(x.medianMs, f.medianMs) });
  return {
    floor: f,
    floorDeferred: vs(figure(floorDeferred)),
    dev: vs(figure(dev)),
    prod: vs(figure(prod)),
    prodRebuilt: vs(figure(prodRebuilt)),
    prodLoader: vs(figure(prodLoader)),
  };
}

/** How many resources a `plan --json` document lists; 0 when it is not one. */
function plannedResources(stdout: string): number {
  try {
    const doc = JSON.parse(stdout) as { resources?: unknown[] };
    return doc.resources?.length ?? 0;
  } catch {
    return 0;
  }
}

export function scaling(quick: boolean) {
  return SIZES.map((n) => {
    const dir = writeScaledStack(n);
    const env = { ...process.env, STACK_DIR: dir };
    const program: Sample[] = [];
    const sdk: Sample[] = [];
    let resources = 0;
    for (let i = 0; i < runsFor(n, quick); i++) {
      sdk.push(measure(["bench/sdk-only.js", String(n)]));
      const s = measure(planArgs(BENCH_STACK), env);
      program.push(s);
      if (i === 0 && s.code === 0) resources = plannedResources(s.stdout);
      log(`scaling N=${n} run ${i + 1}/${runsFor(n, quick)}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const p = figure(program);
    const k = figure(sdk);
    return {
      n,
      resources,
      program: p,
      sdkOnly: k,
      timeVsSdk: ratio(p.medianMs, k.medianMs),
      memoryVsSdk: ratio(p.maxRssKb, k.maxRssKb),
    };
  });
}

export function suites() {
  const npmCli = process.env.npm_execpath;
  const run = (script: string) => {
    const s = npmCli ? measure([npmCli, "run", "--silent", script]) : undefined;
    const passing = s ? /^\s*(\d+) passing \(/m.exec(s.stdout) : null;
    log(`suite ${script}: exit ${s?.code}`);
    return { wallMs: s ? Math.round(s.ms) : null, exit: s?.code ?? null, passing: passing ? Number(passing[1]) : null };
  };
  const unit = run("test:unit");
  const policy = run("test:policy");
  return {
    unit,
    policy,
    unitPlusPolicyMs: unit.wallMs !== null && policy.wallMs !== null ? unit.wallMs + policy.wallMs : null,
  };
}

export function loginFlows(quick: boolean) {
  const plan = quick
    ? [
        { concurrency: 1, users: 3 },
        { concurrency: 10, users: 10 },
        { concurrency: 50, users: 50 },
      ]
    : [
        { concurrency: 1, users: 10 },
        { concurrency: 10, users: 50 },
        { concurrency: 50, users: 100 },
      ];
  return plan.map(({ concurrency, users }) => {
    const s = measure([
      ...TS_LOADER_ARGS,
      "scripts/check.ts",
      "--emulator",
      "dev",
      "--users",
      String(users),
      "--concurrency",
      String(concurrency),
      "--no-fault-check",
    ]);
    const parsed = parseLoadOutput(s.stdout);
    log(`login flow concurrency ${concurrency}: exit ${s.code}`);
    if (s.code !== 0) {
      // A failed flow is a finding, not noise: its output is kept and its failures printed.
      const kept = path.join(ROOT, ".artifacts", "bench", `login-concurrency-${concurrency}.txt`);
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.writeFileSync(kept, `${s.stdout}\n${s.stderr}`);
      for (const l of s.stdout
        .split("\n")
        .filter((x) => x.includes("  FAIL  "))
        .slice(0, 10))
        log(l.trim());
      log(`whole output: ${path.relative(ROOT, kept)}`);
    }
    return {
      concurrency,
      users,
      exit: s.code,
      passed: parsed.flows ?? 0,
      loadWallS: parsed.wallS ?? null,
      flowsPerS: parsed.wallS ? Math.round(((parsed.flows ?? 0) / parsed.wallS) * 100) / 100 : null,
      processWallMs: Math.round(s.ms),
      emulatorCpuS: parsed.emulatorCpuS ?? null,
      checkCpuS: parsed.checkCpuS ?? null,
      steps: parsed.steps,
    };
  });
}

export type Results = {
  date: string;
  node: string;
  cpus: number;
  loadAverage: number[];
  quick: boolean;
  cold: ReturnType<typeof coldPlans>;
  scaling: ReturnType<typeof scaling>;
  growth100to1000: { program: number | null; sdkOnly: number | null };
  suites?: ReturnType<typeof suites>;
  login?: ReturnType<typeof loginFlows>;
};
