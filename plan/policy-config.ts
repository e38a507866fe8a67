/** The policy step of `npm run plan`: which config file applies to a stack, and how violations print. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunResult } from "../offline/runner";
import { PROJECT_ROOT } from "../util/project-root";
import { PolicyConfigError, type Violation } from "./evaluate-policies";

export const POLICY_CONFIG_DIR = path.join(PROJECT_ROOT, "policy", "config");

export interface ChosenConfig {
  /** The file used, relative to the project root; undefined means the pack's own defaults. */
  file?: string;
  config: object;
  /** Why this file (or none) was chosen, for the plan's output. */
  reason: string;
}

function load(file: string): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new PolicyConfigError([`${file}: ${e instanceof Error ? e.message : String(e)}`]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new PolicyConfigError([`${file}: must hold a JSON object`]);
  return parsed;
}

/**
 * `--policy-config=<file>` if given; else `policy/config/<stack>.json`; else the file of the
 * stack's environment preset (the run's `environment` output); else the pack defaults.
 */
export function choosePolicyConfig(run: RunResult, override?: string): ChosenConfig {
  const rel = (f: string) => path.relative(PROJECT_ROOT, f);
  if (override !== undefined) return { file: override, config: load(override), reason: "--policy-config" };
  const byStack = path.join(POLICY_CONFIG_DIR, `${run.stack}.json`);
  if (fs.existsSync(byStack)) return { file: rel(byStack), config: load(byStack), reason: `stack ${run.stack}` };
  const env = run.outputs.environment;
  if (typeof env === "string") {
    const byEnv = path.join(POLICY_CONFIG_DIR, `${env}.json`);
    if (fs.existsSync(byEnv)) return { file: rel(byEnv), config: load(byEnv), reason: `environment ${env}` };
  }
  return { config: {}, reason: `no policy/config/${run.stack}.json and no file for its environment` };
}

/** `type::name` from a URN, for the human output. */
function shortResource(urn: string | null): string {
  if (urn === null) return "(stack)";
  const parts = urn.split("::");
  const type = parts[2]?.split("$").pop() ?? "";
  return `${type.split(":").pop() ?? type} ${parts[3] ?? urn}`;
}

export function formatViolations(chosen: ChosenConfig, violations: Violation[]): string {
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  const head = `Policy pack cognito-auth-policy with ${chosen.file ?? "the pack defaults"} (${chosen.reason}): ${mandatory} mandatory, ${violations.length - mandatory} advisory violation${violations.length - mandatory === 1 ? "" : "s"}`;
  const lines = [...violations]
    .sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1))
    .map((v) => `  [${v.level}] ${v.policy} (${v.severity}) ${shortResource(v.resource)}: ${v.message}`);
  return [head, ...lines].join("\n");
}
