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
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { markdown } from "../bench/report";
import { coldPlans, log, loginFlows, type Results, runsOf, scaling, suites } from "../bench/runs";
import { ratio, replaceSection } from "../bench/stats";
import { PROJECT_ROOT } from "../util/project-root";

const ROOT = PROJECT_ROOT;
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");

function main(): void {
  const date = new Date().toISOString();
  const loadAverage = os.loadavg();
  log(`cold plans (${runsOf(QUICK)} rounds)`);
  const cold = coldPlans(QUICK);
  log("scaling");
  const scaled = scaling(QUICK);
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
  if (!argv.includes("--no-login")) results.login = loginFlows(QUICK);
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
