/**
 * The logic of `npm run check-policy -- <program-dir> <stack> [--policy-config=<file>]
 * [--stack-tag=<key>=<value>]...`: any team's Pulumi TypeScript program, run offline under mocks
 * with its own stack file (offline/foreign-program.ts), judged by the policy pack as `npm run plan`
 * judges this one. No credentials, so a platform team can run it in any team's pull request.
 * Exit 0 when no mandatory violation, 1 on one, 2 when the program cannot be run or the policy
 * config is wrong.
 */
import * as path from "node:path";
import { ForeignProgramError, type ForeignRunResult, runForeignProgram } from "../offline/foreign-program";
import { PROJECT_ROOT } from "../util/project-root";
import { evaluatePolicies, PolicyConfigError, type Violation } from "./evaluate-policies";
import { type ChosenConfig, choosePolicyConfig, formatViolations } from "./policy-config";

export const CHECK_POLICY_USAGE =
  "usage: npm run check-policy -- <program-dir> <stack> [--policy-config=<file>] [--stack-tag=<key>=<value>]... [--json]";

export interface CheckPolicyRequest {
  programDir: string;
  stack: string;
  /** `--policy-config=<file>`. @default policy/config/<stack>.json if there is one, else the pack defaults */
  policyConfig?: string;
  /** `--stack-tag=key=value`: the stack's tags (`pulumi stack tag set`), which the pack reads first. @default none */
  stackTags?: Record<string, string>;
  /** Print the violations as JSON. @default false */
  json?: boolean;
}

export interface CheckPolicyOutcome {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  violations: Violation[];
}

/** Parses the arguments; a string is the usage problem. */
export function parseCheckPolicyArgs(args: string[]): CheckPolicyRequest | string {
  const positional = args.filter((a) => !a.startsWith("--"));
  const options = args.filter((a) => a.startsWith("--"));
  const unknown = options.filter(
    (a) => a !== "--json" && !/^--policy-config=.+/.test(a) && !/^--stack-tag=[^=]+=/.test(a),
  );
  if (unknown.length > 0) return `unknown option ${unknown.join(", ")}`;
  if (positional.length !== 2)
    return `expected a program folder and a stack, got ${positional.length ? positional.join(" ") : "nothing"}`;
  const stackTags: Record<string, string> = {};
  for (const o of options.filter((a) => a.startsWith("--stack-tag="))) {
    const [key, ...value] = o.slice("--stack-tag=".length).split("=");
    stackTags[key] = value.join("=");
  }
  return {
    programDir: positional[0],
    stack: positional[1],
    policyConfig: options.find((a) => a.startsWith("--policy-config="))?.slice("--policy-config=".length),
    stackTags,
    json: options.includes("--json"),
  };
}

function runNotes(run: ForeignRunResult): string[] {
  const notes = [`Program ${run.project}, stack ${run.stack}: ${run.resources.length} resources registered offline.`];
  if (run.stackReferenceOutputs.length > 0)
    notes.push(
      `StackReference outputs stood in by placeholder ARNs (what they point at is judged in their own stack): ${run.stackReferenceOutputs.join(", ")}`,
    );
  if (run.genericTypes.length > 0)
    notes.push(`Given a generic id and ARN (no offline mock of their own): ${run.genericTypes.join(", ")}`);
  return notes;
}

/** Runs the check; returns what to print and the exit code. */
export async function checkPolicy(r: CheckPolicyRequest): Promise<CheckPolicyOutcome> {
  let run: ForeignRunResult;
  try {
    run = await runForeignProgram({ programDir: r.programDir, stack: r.stack });
  } catch (e) {
    // Whatever stops the program (a refused invoke, its own config check) is the program's problem, not a crash.
    const kind = e instanceof ForeignProgramError ? "cannot be checked offline" : "failed under the offline mocks";
    const message = e instanceof Error ? e.message : String(e);
    return { code: 2, stdout: "", stderr: `program ${r.programDir} ${kind}: ${message}\n`, violations: [] };
  }
  let chosen: ChosenConfig;
  let violations: Violation[];
  try {
    chosen = choosePolicyConfig(run, r.policyConfig);
    violations = await evaluatePolicies(run, chosen.config, { stackTags: r.stackTags });
  } catch (e) {
    if (!(e instanceof PolicyConfigError)) throw e;
    return { code: 2, stdout: "", stderr: `${e.message}\n`, violations: [] };
  }
  const code = violations.some((v) => v.level === "mandatory") ? 1 : 0;
  const stdout = r.json
    ? `${JSON.stringify({ program: path.relative(PROJECT_ROOT, path.resolve(r.programDir)), stack: r.stack, violations }, null, 2)}\n`
    : `${[...runNotes(run), "", formatViolations(chosen, violations)].join("\n")}\n`;
  return { code, stdout, stderr: "", violations };
}

/** Runs `npm run check-policy` with its arguments; returns the exit code. */
export async function checkPolicyCommand(args: string[]): Promise<number> {
  const request = parseCheckPolicyArgs(args);
  if (typeof request === "string") {
    process.stderr.write(`${request}\n${CHECK_POLICY_USAGE}\n`);
    return 2;
  }
  const out = await checkPolicy(request);
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  return out.code;
}
