/**
 * The logic of `npm run plan -- <stack> [--json] [--policy-config=<file>]`: what the stack would create, offline,
 * with no credentials, checked by the policy pack (policy/) with the stack's policy config.
 * Exit 0 on success, 1 on a mandatory policy violation, 2 on bad config (stack or policy config), 3 on a crash (a bug).
 */
import { ConfigError } from "../config";
import { runProgram } from "../offline/runner";
import { diffCommand, isDiffInvocation } from "./diff-command";
import { evaluatePolicies, PolicyConfigError, type Violation } from "./evaluate-policies";
import { formatPlanTable, planDocument } from "./format";
import { type ChosenConfig, choosePolicyConfig, formatViolations } from "./policy-config";
import { refusedConfigPolicyLines } from "./refused-config";

/** Runs `npm run plan` with its arguments; returns the exit code. */
export async function planCommand(args: string[]): Promise<number> {
  // `--base <ref>`, `--diff <a> <b>`, `--markdown`: plan/diff-command.ts.
  if (isDiffInvocation(args)) return diffCommand(args);
  const json = args.includes("--json");
  const stacks = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--json" && !a.startsWith("--policy-config="));
  if (stacks.length !== 1 || unknown.length > 0) {
    const why =
      unknown.length > 0
        ? `unknown option ${unknown.join(", ")}`
        : stacks.length === 0
          ? "no stack named"
          : `one stack only, got ${stacks.join(", ")}`;
    process.stderr.write(`${why}\nusage: npm run plan -- <stack> [--json] [--policy-config=<file>]\n`);
    return 2;
  }
  const policyConfig = args.find((a) => a.startsWith("--policy-config="))?.slice("--policy-config=".length);
  const out = await planOutcome({ stack: stacks[0], stackDir: process.env.STACK_DIR, policyConfig, json });
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  return out.code;
}

export interface PlanRequest {
  stack: string;
  /** Folder of `Pulumi.yaml` and the stack file. @default the project root */
  stackDir?: string;
  /** `--policy-config=<file>`. @default chosen per stack (plan/policy-config.ts) */
  policyConfig?: string;
  /** The JSON document instead of the table. @default false */
  json?: boolean;
  /** For a refused config, also judge the rest of it with the policy pack. @default true */
  judgeRefused?: boolean;
}

/** What `npm run plan` prints and its exit code: 0 fine, 1 a mandatory violation, 2 a config problem. */
export async function planOutcome(r: PlanRequest): Promise<{ code: 0 | 1 | 2; stdout: string; stderr: string }> {
  let run: Awaited<ReturnType<typeof runProgram>>;
  try {
    run = await runProgram({ stack: r.stack, stackDir: r.stackDir });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const judged = r.judgeRefused === false ? [] : await refusedConfigPolicyLines(e, r.stackDir, r.policyConfig);
    return { code: 2, stdout: "", stderr: [e.message, ...judged].map((l) => `${l}\n`).join("") };
  }
  let chosen: ChosenConfig;
  let violations: Violation[];
  try {
    chosen = choosePolicyConfig(run, r.policyConfig);
    violations = await evaluatePolicies(run, chosen.config);
  } catch (e) {
    if (!(e instanceof PolicyConfigError)) throw e;
    return { code: 2, stdout: "", stderr: `${e.message}\n` };
  }
  const report = formatViolations(chosen, violations);
  const code = violations.some((v) => v.level === "mandatory") ? 1 : 0;
  // With --json, stdout holds only the document; the policy summary goes to stderr.
  if (r.json) {
    return {
      code,
      stdout: `${JSON.stringify(planDocument(run, violations), null, 2)}\n`,
      stderr: `${report.split("\n")[0]}\n`,
    };
  }
  return { code, stdout: `${formatPlanTable(run)}\n\n${report}\n`, stderr: "" };
}
