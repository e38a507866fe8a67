/**
 * The logic of `npm run plan -- <stack> [--json] [--policy-config=<file>]`: what the stack would create, offline,
 * with no credentials, checked by the policy pack (policy/) with the stack's policy config.
 * Exit 0 on success, 1 on a mandatory policy violation, 2 on bad config (stack or policy config).
 */
import { ConfigError } from "../config";
import { runProgram } from "../offline/runner";
import { evaluatePolicies, PolicyConfigError, type Violation } from "./evaluate-policies";
import { formatPlanTable, planDocument } from "./format";
import { type ChosenConfig, choosePolicyConfig, formatViolations } from "./policy-config";

/** Runs `npm run plan` with its arguments; returns the exit code. */
export async function planCommand(args: string[]): Promise<number> {
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
  const stack = stacks[0];
  let run: Awaited<ReturnType<typeof runProgram>>;
  try {
    run = await runProgram({ stack, stackDir: process.env.STACK_DIR });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const policyConfig = args.find((a) => a.startsWith("--policy-config="))?.slice("--policy-config=".length);
  let chosen: ChosenConfig;
  let violations: Violation[];
  try {
    chosen = choosePolicyConfig(run, policyConfig);
    violations = await evaluatePolicies(run, chosen.config);
  } catch (e) {
    if (!(e instanceof PolicyConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const report = formatViolations(chosen, violations);
  // With --json, stdout holds only the document; the policy summary goes to stderr.
  if (json) process.stderr.write(`${report.split("\n")[0]}\n`);
  process.stdout.write(
    json ? `${JSON.stringify(planDocument(run, violations), null, 2)}\n` : `${formatPlanTable(run)}\n\n${report}\n`,
  );
  return violations.some((v) => v.level === "mandatory") ? 1 : 0;
}
