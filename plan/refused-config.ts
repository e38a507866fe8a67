/**
 * For a stack whose config is refused: what the policy pack would also refuse in the rest of it,
 * judged on the repaired model (config/load.ts), so the user sees validation and policy problems
 * in one run instead of one round after the other.
 */
import type { ConfigError } from "../config";
import { runProgram } from "../offline/runner";
import { evaluatePolicies } from "./evaluate-policies";
import { choosePolicyConfig } from "./policy-config";

/** Lines to print after the config error; empty when nothing more is blocked or nothing could be judged. */
export async function refusedConfigPolicyLines(
  e: ConfigError,
  stackDir: string | undefined,
  policyConfig: string | undefined,
): Promise<string[]> {
  if (e.repaired === undefined) return [];
  try {
    const run = await runProgram({ stack: e.stack, stackDir, model: e.repaired });
    const chosen = choosePolicyConfig(run, policyConfig);
    const blocked = (await evaluatePolicies(run, chosen.config)).filter((v) => v.level === "mandatory");
    if (blocked.length === 0) return [];
    return [
      `The policy pack (${chosen.file ?? "its defaults"}) would also refuse ${blocked.length} setting${blocked.length === 1 ? "" : "s"} of this stack (judged with the broken values above replaced by the preset's):`,
      ...blocked.map((v) => `  - [mandatory] ${v.policy} ${v.resource?.split("::").pop() ?? "(stack)"}: ${v.message}`),
    ];
  } catch (err) {
    return [
      `(the rest of the config could not be judged by the policy pack: ${err instanceof Error ? err.message : String(err)})`,
    ];
  }
}
