/**
 * `npm run bench`: the numbers in BENCHMARKS.md. Times the offline program run per stack (what
 * `npm run plan` and every unit test pay), and the login flow under load on the emulator.
 * Prints markdown; nothing here asserts on time.
 */

import { spawnSync } from "node:child_process";
import { runProgram } from "../offline/runner";
import { PROJECT_ROOT } from "../util/project-root";

const ROOT = PROJECT_ROOT;
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function offlineRuns(): Promise<string[]> {
  const lines = [
    "| stack | resources | median of 5 in-process runs (ms) | min | max |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const stack of ["dev", "prod"]) {
    const times: number[] = [];
    let resources = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const run = await runProgram({ stack });
      times.push(performance.now() - t0);
      resources = run.resources.filter((r) => r.custom).length;
    }
    lines.push(
      `| ${stack} | ${resources} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`,
    );
  }
  return lines;
}

function timed(cmd: string, args: string[]): { ms: number; stdout: string; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - t0, stdout: r.stdout, code: r.status };
}

async function main(): Promise<void> {
  const users = process.argv.includes("--quick") ? 10 : 50;
  const out: string[] = [
    `# Benchmark run ${new Date().toISOString()} (node ${process.version})`,
    "",
    "## Offline program run",
    "",
    ...(await offlineRuns()),
  ];
  const plan = timed(process.execPath, [require.resolve("ts-node/dist/bin.js"), "scripts/plan.ts", "prod", "--json"]);
  out.push(
    "",
    `Cold \`npm run plan -- prod --json\` (ts-node start, program, policy pack): ${plan.ms.toFixed(0)} ms, exit ${plan.code}.`,
  );
  const load = timed(process.execPath, [
    require.resolve("ts-node/dist/bin.js"),
    "scripts/check.ts",
    "--emulator",
    "dev",
    "--users",
    String(users),
    "--concurrency",
    "10",
    "--no-fault-check",
  ]);
  out.push(
    "",
    `## Login flow on the emulator: ${users} users, concurrency 10 (exit ${load.code}, ${(load.ms / 1000).toFixed(1)} s wall including emulator start and deploy)`,
    "",
    "```",
    load.stdout.trim(),
    "```",
  );
  process.stdout.write(`${out.join("\n")}\n`);
  if (plan.code !== 0 || load.code !== 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
