import { didYouMean } from "./did-you-mean";
import { ConfigError, type ConfigIssue, IssueList } from "./errors";
import { labelOrigins } from "./issue-origin";
import { deepMerge } from "./merge";
import { resolveModel, type StackModel } from "./model";
import { splitPath } from "./paths";
import { defaultEnvironment, type Environment, PRESETS } from "./presets";
import { applyClientKinds } from "./presets/client-kinds";
import { resolveRegion } from "./region";
import { repairForRules } from "./repair";
import { type StackConfig, stackConfig, TOP_LEVEL_KEYS } from "./schema";
import { isWithin, secretPaths } from "./secret-paths";
import { PROJECT, type StackFiles } from "./stack-file";
import { strayKeys } from "./stray-keys";
import { RULE_SETS } from "./validation";
import type { RuleContext } from "./validation/context";
import { fromZod } from "./zod-issues";

/** What the engine hands the program, plus the files it came from. */
export interface ConfigInput {
  stack: string;
  /** `namespace:key -> string`, as `pulumi.runtime.allConfig()` returns it. */
  engineConfig: Record<string, string>;
  /** Engine keys marked secret. */
  secretKeys: string[];
  /** The stack files, for leaf-level secret markers and for naming where a value came from. */
  files?: StackFiles;
  /** Accept the committed placeholder values in a prod stack (offline runs only). @default false */
  allowPlaceholders?: boolean;
  /** The process environment, for the region when `aws:region` is not set. @default {} */
  env?: Record<string, string | undefined>;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * Parses and checks a whole stack config before any resource exists, then resolves it into the
 * model components read. Throws one ConfigError that lists every problem, each with its key path,
 * value, rule and the file it came from.
 */
export function loadConfig(input: ConfigInput): StackModel {
  const issues: ConfigIssue[] = [];
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.engineConfig)) {
    if (k.startsWith(`${PROJECT}:`)) raw[k.slice(PROJECT.length + 1)] = parseValue(v);
  }
  const region = resolveRegion(input.engineConfig, input.env ?? {});
  if (region === undefined) {
    issues.push({
      path: "",
      key: "aws:region",
      value: undefined,
      rule: "no AWS region: set it with `pulumi config set aws:region <region>` (or AWS_REGION in the environment)",
    });
  }

  for (const k of Object.keys(raw)) {
    if (!(TOP_LEVEL_KEYS as string[]).includes(k)) {
      const hint = didYouMean(k, TOP_LEVEL_KEYS);
      issues.push({
        path: k,
        value: raw[k],
        rule: `unknown key${hint ? `; did you mean "${hint}"?` : `; known keys: ${TOP_LEVEL_KEYS.join(", ")}`}`,
      });
      delete raw[k];
    }
  }

  issues.push(...strayKeys(input));

  let environment: Environment = defaultEnvironment(input.stack);
  if (raw.environment !== undefined) {
    if (raw.environment === "dev" || raw.environment === "prod") environment = raw.environment;
    else
      issues.push({
        path: "environment",
        value: raw.environment,
        rule: `must be one of: ${Object.keys(PRESETS).join(", ")}`,
      });
  }
  const preset = PRESETS[environment](input.stack);
  const merged = deepMerge(preset, { ...raw, environment }) as Record<string, unknown>;
  applyClientKinds(merged);

  const { isSecret, holdsSecret } = secretPaths(input);

  let parsed = stackConfig.safeParse(merged);
  let dropped: string[] = [];
  if (!parsed.success) {
    const zodIssues = fromZod(parsed.error, stackConfig, merged);
    issues.push(...zodIssues);
    const repair = repairForRules(
      merged,
      preset,
      zodIssues.map((i) => i.path),
    );
    parsed = repair.parsed;
    dropped = repair.droppedEntries;
  }
  if (parsed.success) {
    const ctx: RuleContext = {
      stack: input.stack,
      region: region ?? "",
      environment,
      isProduction: environment === "prod",
      isSecret,
      allowPlaceholders: input.allowPlaceholders === true,
    };
    const list = new IssueList();
    for (const rules of RULE_SETS) rules(parsed.data, ctx, list);
    const reported = new Set(issues.map((i) => i.path));
    // A rule that points at an entry dropped for a schema error would only repeat that error.
    const aboutDropped = (i: ConfigIssue): boolean =>
      dropped.some(
        (d) => isWithin(i.path, d) || JSON.stringify(i.value ?? null).includes(JSON.stringify(splitPath(d).at(-1))),
      );
    issues.push(...list.issues.filter((i) => !reported.has(i.path) && !aboutDropped(i)));
  }

  if (issues.length > 0 || region === undefined) {
    labelOrigins(issues, {
      stack: input.stack,
      environment,
      stackConfig: input.files?.stackConfig ?? {},
      projectConfig: input.files?.projectConfig ?? {},
      stackFile: input.files?.stackFile ?? `Pulumi.${input.stack}.yaml`,
      raw,
      preset,
      merged,
    });
    for (const i of issues) if (i.path && holdsSecret(i.path)) i.value = "[secret]";
    const repaired =
      parsed.success && region !== undefined ? resolveModel(parsed.data, input.stack, region, isSecret) : undefined;
    throw new ConfigError(input.stack, issues, repaired);
  }
  return resolveModel((parsed as { data: StackConfig }).data, input.stack, region, isSecret);
}
