/**
 * `npm run plan -- <stack> [--json]`: what the stack would create, offline, with no credentials.
 * Exit 0 on success, 2 on bad config (the validation error lists every problem).
 */
import { ConfigError } from "../config";
import { runProgram } from "../lib/offline-runner";
import { formatPlanTable, planDocument } from "../lib/plan-format";

function findConfigError(e: unknown): ConfigError | undefined {
  if (e instanceof ConfigError) return e;
  // The error may arrive wrapped by the Pulumi runtime; match it by name and message.
  if (e instanceof Error && e.message.includes("config problem")) return e as ConfigError;
  return undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const stack = args.find((a) => !a.startsWith("--"));
  if (!stack) {
    process.stderr.write("usage: npm run plan -- <stack> [--json]\n");
    return 2;
  }
  let run;
  try {
    run = await runProgram({ stack, stackDir: process.env.STACK_DIR });
  } catch (e) {
    const ce = findConfigError(e);
    if (ce) {
      process.stderr.write(`${ce.message}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(json ? `${JSON.stringify(planDocument(run), null, 2)}\n` : `${formatPlanTable(run)}\n`);
  return 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`plan failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
