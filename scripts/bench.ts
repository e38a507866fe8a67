/**
 * `npm run bench [-- --quick] [-- --no-tests] [-- --no-login]`: the figures in BENCHMARKS.md, each
 * offline one as a ratio to a floor measured in the same run (absolute times drift on a shared
 * machine). Writes bench/results.json and the marked section of BENCHMARKS.md; asserts nothing.
 *
 * - cold `npm run plan -- dev|prod --json` against the floor: a process that only loads
 *   @pulumi/pulumi and @pulumi/aws and sets mocks (bench/floor.js);
 * - scaling: generated dev stacks with N groups, N web clients and N OIDC providers
 *   (bench/generate-stack.ts) against the bare SDK creating the same 3N resources (bench/sdk-only.js);
 * - the unit and policy suites' wall time;
 * - the login flow on the emulator at concurrency 1, 10 and 50.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BENCH_STACK, writeScaledStack } from "../bench/generate-stack";
import {
  fmtMb,
  fmtMs,
  fmtRatio,
  median,
  parseLoadOutput,
  ratio,
  replaceSection,
  type StepRow,
  table,
  verdict,
} from "../bench/stats";
import { PROJECT_ROOT } from "../util/project-root";
import { TS_LOADER_ARGS } from "../util/ts-loader";

const ROOT = PROJECT_ROOT;
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const RUNS = QUICK ? 2 : 5;
const SIZES = [10, 100, 1000];
/** N=1000 takes tens of seconds a run; the quick mode runs it once. */
const runsFor = (n: number): number => (n >= 1000 ? (QUICK ? 1 : 5) : RUNS);
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
  // stdout goes to a file: `npm run plan` ends with process.exit, which cuts a large write to a pipe short.
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

const log = (s: string): void => {
  process.stderr.write(`bench: ${s}\n`);
};

const planArgs = (stack: string): string[] => [...TS_LOADER_ARGS, "scripts/plan.ts", stack, "--json"];

/** Floor, dev and prod interleaved per round, so drift on the machine hits all three alike. */
function coldPlans() {
  const floor: Sample[] = [];
  const dev: Sample[] = [];
  const prod: Sample[] = [];
  // One untimed round warms the loader's transpile cache and the OS file cache, as a second run would.
  measure(planArgs("prod"));
  for (let i = 0; i < RUNS; i++) {
    floor.push(measure(["bench/floor.js"]));
    dev.push(measure(planArgs("dev")));
    prod.push(measure(planArgs("prod")));
    log(`cold plan round ${i + 1}/${RUNS}`);
  }
  const f = figure(floor);
  const d = figure(dev);
  const p = figure(prod);
  return {
    floor: f,
    dev: { ...d, vsFloor: ratio(d.medianMs, f.medianMs) },
    prod: { ...p, vsFloor: ratio(p.medianMs, f.medianMs) },
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

function scaling() {
  return SIZES.map((n) => {
    const dir = writeScaledStack(n);
    const env = { ...process.env, STACK_DIR: dir };
    const program: Sample[] = [];
    const sdk: Sample[] = [];
    let resources = 0;
    for (let i = 0; i < runsFor(n); i++) {
      sdk.push(measure(["bench/sdk-only.js", String(n)]));
      const s = measure(planArgs(BENCH_STACK), env);
      program.push(s);
      if (i === 0 && s.code === 0) resources = plannedResources(s.stdout);
      log(`scaling N=${n} run ${i + 1}/${runsFor(n)}`);
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

function suites() {
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

function loginFlows() {
  const plan = QUICK
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
    return {
      concurrency,
      users,
      exit: s.code,
      passed: parsed.flows ?? 0,
      loadWallS: parsed.wallS ?? null,
      flowsPerS: parsed.wallS ? Math.round(((parsed.flows ?? 0) / parsed.wallS) * 100) / 100 : null,
      processWallMs: Math.round(s.ms),
      steps: parsed.steps,
    };
  });
}

type Results = {
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

function markdown(r: Results): string {
  const c = r.cold;
  const s1000 = r.scaling.find((s) => s.n === 1000);
  const login10 = r.login?.find((l) => l.concurrency === 10);
  const out: string[] = [
    `## Run ${r.date} (node ${r.node}, ${r.cpus} CPUs, load average at start ${r.loadAverage.map((x) => x.toFixed(1)).join(" ")}${r.quick ? ", --quick" : ""})`,
    "",
    "### Targets",
    "",
    ...table(
      ["target", "measured", "met"],
      [
        ["cold `plan -- prod` at most 1.3x the floor", fmtRatio(c.prod.vsFloor), verdict(c.prod.vsFloor, 1.3)],
        [
          "N=1,000 time at most 1.5x the SDK-only program",
          fmtRatio(s1000?.timeVsSdk ?? null),
          verdict(s1000?.timeVsSdk ?? null, 1.5),
        ],
        [
          "N=1,000 peak memory at most 1.5x the SDK-only program",
          fmtRatio(s1000?.memoryVsSdk ?? null),
          verdict(s1000?.memoryVsSdk ?? null, 1.5),
        ],
        [
          "growth N=100 to 1,000 at most 10.5x",
          fmtRatio(r.growth100to1000.program),
          verdict(r.growth100to1000.program, 10.5),
        ],
        [
          "`test:unit` + `test:policy` under 20 s",
          fmtMs(r.suites?.unitPlusPolicyMs),
          r.suites?.unitPlusPolicyMs == null ? "n/a" : r.suites.unitPlusPolicyMs < 20_000 ? "yes" : "no",
        ],
        [
          "at least 4 flows/s at concurrency 10",
          login10?.flowsPerS == null ? "n/a" : `${login10.flowsPerS} flows/s`,
          login10?.flowsPerS == null ? "n/a" : login10.flowsPerS >= 4 ? "yes" : "no",
        ],
      ],
    ),
    "",
    `### Cold plan (median of ${c.floor.samplesMs.length} whole processes)`,
    "",
    ...table(
      ["process", "median", "vs floor", "peak memory", "samples (ms)"],
      [
        [
          "floor (bench/floor.js)",
          fmtMs(c.floor.medianMs),
          "1.00x",
          fmtMb(c.floor.maxRssKb),
          c.floor.samplesMs.join(", "),
        ],
        [
          "`npm run plan -- dev --json`",
          fmtMs(c.dev.medianMs),
          fmtRatio(c.dev.vsFloor),
          fmtMb(c.dev.maxRssKb),
          c.dev.samplesMs.join(", "),
        ],
        [
          "`npm run plan -- prod --json`",
          fmtMs(c.prod.medianMs),
          fmtRatio(c.prod.vsFloor),
          fmtMb(c.prod.maxRssKb),
          c.prod.samplesMs.join(", "),
        ],
      ],
    ),
    "",
    "### Scaling: N groups, N web clients, N OIDC providers (plan, policy pack included) vs the SDK alone creating the same 3N resources",
    "",
    ...table(
      [
        "N",
        "resources planned",
        "program",
        "SDK-only",
        "time vs SDK",
        "program memory",
        "SDK-only memory",
        "memory vs SDK",
        "runs",
      ],
      r.scaling.map((s) => [
        String(s.n),
        String(s.resources),
        fmtMs(s.program.medianMs),
        fmtMs(s.sdkOnly.medianMs),
        fmtRatio(s.timeVsSdk),
        fmtMb(s.program.maxRssKb),
        fmtMb(s.sdkOnly.maxRssKb),
        fmtRatio(s.memoryVsSdk),
        String(s.program.samplesMs.length),
      ]),
    ),
    "",
    `Growth from N=100 to N=1,000: program ${fmtRatio(r.growth100to1000.program)}, SDK-only ${fmtRatio(r.growth100to1000.sdkOnly)}.`,
  ];
  if (r.suites) {
    out.push(
      "",
      "### Test suites (one run each, wall time of `npm run <script>`)",
      "",
      ...table(
        ["suite", "wall", "passing", "exit"],
        [
          [
            "test:unit",
            fmtMs(r.suites.unit.wallMs),
            String(r.suites.unit.passing ?? "n/a"),
            String(r.suites.unit.exit),
          ],
          [
            "test:policy",
            fmtMs(r.suites.policy.wallMs),
            String(r.suites.policy.passing ?? "n/a"),
            String(r.suites.policy.exit),
          ],
        ],
      ),
    );
  }
  const login = r.login;
  if (login) {
    const stepNames = [...new Set(login.flatMap((l) => l.steps.map((s) => s.step)))];
    const cell = (steps: StepRow[], name: string) => {
      const s = steps.find((x) => x.step === name);
      return s ? `${s.p50} / ${s.p95}` : "";
    };
    out.push(
      "",
      "### Login flow on the emulator (moto), dev stack",
      "",
      ...table(
        ["concurrency", "users", "passed", "load wall", "flows/s", "exit"],
        login.map((l) => [
          String(l.concurrency),
          String(l.users),
          String(l.passed),
          l.loadWallS === null ? "n/a" : `${l.loadWallS} s`,
          String(l.flowsPerS ?? "n/a"),
          String(l.exit),
        ]),
      ),
      "",
      "Per step, p50 / p95 in ms:",
      "",
      ...table(
        ["step", ...login.map((l) => `concurrency ${l.concurrency}`)],
        stepNames.map((n) => [n, ...login.map((l) => cell(l.steps, n))]),
      ),
    );
  }
  return out.join("\n");
}

function main(): void {
  const date = new Date().toISOString();
  const loadAverage = os.loadavg();
  log(`cold plans (${RUNS} rounds)`);
  const cold = coldPlans();
  log("scaling");
  const scaled = scaling();
  const at = (n: number) => scaled.find((s) => s.n === n);
  const results: Results = {
    date,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage,
    quick: QUICK,
    cold,
    scaling: scaled,
    growth100to1000: {
      program: ratio(at(1000)?.program.medianMs, at(100)?.program.medianMs),
      sdkOnly: ratio(at(1000)?.sdkOnly.medianMs, at(100)?.sdkOnly.medianMs),
    },
  };
  if (!argv.includes("--no-tests")) results.suites = suites();
  if (!argv.includes("--no-login")) results.login = loginFlows();
  fs.writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  const file = path.join(ROOT, "BENCHMARKS.md");
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, "utf8"), md));
  process.stdout.write(`${md}\n`);
  const failed =
    [cold.dev, cold.prod].some((f) => f.exit.some((e) => e !== 0)) ||
    scaled.some((s) => s.program.exit.some((e) => e !== 0)) ||
    (results.login ?? []).some((l) => l.exit !== 0);
  if (failed) process.exitCode = 1;
}

main();
