/**
 * `npm run plan -- <stack>... --base <git-ref>` (the working tree against a ref) and
 * `npm run plan -- --diff <stackA> <stackB>` (two stacks), as a table, `--markdown` or `--json`.
 * Exit 0, 1 on a mandatory policy violation in a head plan, 2 on usage or head config errors. A base
 * that cannot be planned is reported in the output and does not change the exit code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError } from "../config";
import { type RunResult, runProgram } from "../offline/runner";
import { PROJECT_ROOT } from "../util/project-root";
import { planAtRef } from "./base-ref";
import { buildReport, diffDocument, type StackReport } from "./diff-report";
import { formatDiffTable } from "./diff-table";
import { evaluatePolicies, PolicyConfigError, type Violation } from "./evaluate-policies";
import { formatPlanTable, planDocument } from "./format";
import { formatDiffMarkdown } from "./markdown";
import { choosePolicyConfig } from "./policy-config";
import { countLevels } from "./policy-diff";
import { emptySnapshot, type PlanSnapshot, snapshotFromRun } from "./snapshot";

export const DIFF_USAGE = [
  "usage: npm run plan -- <stack>... --base <git-ref> [--json | --markdown] [--policy-config=<file>]",
  "       npm run plan -- --diff <stackA> <stackB> [--json | --markdown] [--policy-config=<file>]",
].join("\n");

type Output = "table" | "json" | "markdown";

export type DiffArgs = { output: Output; policyConfig?: string } & (
  | { mode: "base"; ref: string; stacks: string[] }
  | { mode: "stacks"; stacks: [string, string] }
);

/** True when the arguments ask for a diff (plan/cli.ts hands these over). */
export function isDiffInvocation(args: string[]): boolean {
  return args.some((a) => a === "--base" || a.startsWith("--base=") || a === "--diff" || a === "--markdown");
}

export function parseDiffArgs(args: string[]): DiffArgs | { error: string } {
  const stacks: string[] = [];
  const unknown: string[] = [];
  let ref: string | undefined;
  let [diff, json, markdown] = [false, false, false];
  let policyConfig: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--base") {
      ref = args[i + 1];
      if (ref === undefined || ref.startsWith("--")) return { error: "--base needs a git ref" };
      i++;
    } else if (a.startsWith("--base=")) ref = a.slice("--base=".length);
    else if (a === "--diff") diff = true;
    else if (a === "--json") json = true;
    else if (a === "--markdown") markdown = true;
    else if (a.startsWith("--policy-config=")) policyConfig = a.slice("--policy-config=".length);
    else if (a.startsWith("--")) unknown.push(a);
    else stacks.push(a);
  }
  if (unknown.length > 0) return { error: `unknown option ${unknown.join(", ")}` };
  if (json && markdown) return { error: "--json or --markdown, not both" };
  const output: Output = json ? "json" : markdown ? "markdown" : "table";
  if (diff && ref !== undefined)
    return { error: "--diff compares two stacks; --base compares with a ref: one of them" };
  if (diff) {
    if (stacks.length !== 2) return { error: `--diff needs two stacks, got ${stacks.length}` };
    return { mode: "stacks", stacks: [stacks[0], stacks[1]], output, policyConfig };
  }
  if (ref === undefined) return { error: "--markdown needs --base <git-ref> or --diff <stackA> <stackB>" };
  if (ref === "") return { error: "--base needs a git ref" };
  if (stacks.length === 0) return { error: "no stack named" };
  return { mode: "base", ref, stacks: [...new Set(stacks)], output, policyConfig };
}

export interface HeadPlan {
  stack: string;
  /** Undefined for a stack file the working tree no longer has (with --base: every resource goes). */
  run?: RunResult;
  violations: Violation[];
}

async function planHead(stack: string, args: DiffArgs): Promise<HeadPlan> {
  const stackDir = process.env.STACK_DIR ?? PROJECT_ROOT;
  if (args.mode === "base" && !fs.existsSync(path.join(stackDir, `Pulumi.${stack}.yaml`)))
    return { stack, violations: [] };
  const run = await runProgram({ stack, stackDir: process.env.STACK_DIR });
  return { stack, run, violations: await evaluatePolicies(run, choosePolicyConfig(run, args.policyConfig).config) };
}

const gone = (stack: string): PlanSnapshot =>
  emptySnapshot(stack, "working tree", `no Pulumi.${stack}.yaml in the working tree: every resource is deleted`);

/** The reports, in stack order, from the head plans (and the base plans it makes). */
export async function diffReports(
  args: DiffArgs,
  heads: HeadPlan[],
  opts: { projectRoot?: string } = {},
): Promise<StackReport[]> {
  if (args.mode === "stacks") {
    const [sa, sb] = heads.map((h) => (h.run ? snapshotFromRun(h.run, h.stack, h.violations) : gone(h.stack)));
    return [buildReport(`${sa.label} → ${sb.label}`, sa, sb, heads[1].violations, null)];
  }
  const bases = await planAtRef(args.ref, args.stacks, {
    policyConfig: args.policyConfig,
    stackDir: process.env.STACK_DIR,
    projectRoot: opts.projectRoot,
  });
  return heads.map((h) => {
    const base = bases.get(h.stack) ?? { label: args.ref, error: "not planned" };
    const head = h.run ? snapshotFromRun(h.run, "working tree", h.violations) : gone(h.stack);
    const report = buildReport(h.stack, base, head, h.violations);
    if (!report.diff && h.run) report.headPlan = planDocument(h.run, h.violations);
    return report;
  });
}

/** What the command prints on stdout for the reports. */
export function renderDiff(args: DiffArgs, reports: StackReport[], heads: HeadPlan[]): string {
  if (args.output === "json") return `${JSON.stringify(diffDocument(reports), null, 2)}\n`;
  if (args.output === "markdown") {
    const rerun =
      args.mode === "base"
        ? `npm run plan -- ${args.stacks.join(" ")} --base ${args.ref}`
        : `npm run plan -- --diff ${args.stacks.join(" ")}`;
    return formatDiffMarkdown(reports, { rerun });
  }
  return `${reports
    .map((r, i) => {
      const run = heads[i]?.run;
      return r.diff || !run ? formatDiffTable(r) : `${formatDiffTable(r)}\n\n${formatPlanTable(run)}`;
    })
    .join("\n\n")}\n`;
}

export async function diffCommand(args: string[]): Promise<number> {
  const parsed = parseDiffArgs(args);
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n${DIFF_USAGE}\n`);
    return 2;
  }
  const heads: HeadPlan[] = [];
  for (const stack of parsed.stacks) {
    try {
      heads.push(await planHead(stack, parsed));
    } catch (e) {
      if (!(e instanceof ConfigError) && !(e instanceof PolicyConfigError)) throw e;
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
  }
  const reports = await diffReports(parsed, heads);
  const nowhere = heads.filter((h, i) => !h.run && reports[i]?.diff?.resources.length === 0);
  if (nowhere.length > 0) {
    process.stderr.write(
      `no stack file for ${nowhere.map((h) => h.stack).join(", ")} in the working tree or at the base\n`,
    );
    return 2;
  }
  if (parsed.output !== "table")
    for (const r of reports)
      process.stderr.write(
        `${r.stack}: ${r.diff ? `${r.diff.resources.length} resource${r.diff.resources.length === 1 ? " differs" : "s differ"}` : `base not planned (${r.base.error?.split("\n")[0]})`}; policy ${countLevels(r.policy.head)}\n`,
      );
  process.stdout.write(renderDiff(parsed, reports, heads));
  return heads.some((h) => h.violations.some((v) => v.level === "mandatory")) ? 1 : 0;
}
