import { didYouMean, editDistance } from "./did-you-mean";
import { ConfigError, type ConfigIssue, IssueList } from "./errors";
import { deepMerge } from "./merge";
import { resolveModel, type StackModel } from "./model";
import { hasPath, joinPath, setPath, splitPath, valueAt } from "./paths";
import { defaultEnvironment, type Environment, PRESETS } from "./presets";
import { CLIENT_KIND_DEFAULTS } from "./presets/client-kinds";
import { resolveRegion } from "./region";
import { type StackConfig, stackConfig, TOP_LEVEL_KEYS } from "./schema";
import { isSecureLeaf, PROJECT, type StackFiles } from "./stack-file";
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
 * Keys Pulumi accepts but that never reach this program: a namespace one or two edits from ours
 * (`cognito_auth:pool`), and keys written at the top of the stack file instead of under `config:`.
 * Other namespaces (`aws:`, `pulumi:`, other projects') are left alone.
 */
function strayKeys(input: ConfigInput): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const keys = new Set([...Object.keys(input.engineConfig), ...Object.keys(input.files?.stackConfig ?? {})]);
  for (const k of keys) {
    const colon = k.indexOf(":");
    if (colon < 0) continue;
    const ns = k.slice(0, colon);
    if (ns !== PROJECT && editDistance(ns, PROJECT) <= 2)
      out.push({
        path: "",
        key: k,
        value: undefined,
        rule: `unknown namespace "${ns}", so the program never sees this key; did you mean "${PROJECT}:${k.slice(colon + 1)}"?`,
      });
  }
  for (const k of input.files?.misplacedKeys ?? []) {
    if (!k.includes(":") && !(TOP_LEVEL_KEYS as string[]).includes(k)) continue;
    out.push({
      path: "",
      key: k,
      value: undefined,
      rule: `"${k}" is at the top of the stack file, where Pulumi ignores it; move it under config:`,
    });
  }
  return out;
}

/** `clients.web.readAttributes` for `clients.web.readAttributes[6]`: lists are replaced whole. */
function arrayParent(path: string): string {
  const parts = splitPath(path);
  const i = parts.findIndex((p) => /^\d+$/.test(p));
  return i < 0 ? path : joinPath(parts.slice(0, i));
}

/** Where a value nobody wrote came from: the preset, or (for a client) its kind's defaults. */
function defaultOrigin(path: string, preset: StackConfig, merged: Record<string, unknown>, env: Environment): string {
  const parts = splitPath(path);
  if (parts[0] === "clients" && parts.length > 2 && !hasPath(preset, arrayParent(path))) {
    const kind = valueAt(merged, joinPath(["clients", parts[1], "kind"]));
    if (typeof kind === "string") return `defaults of client kind ${kind}`;
  }
  return `preset ${env}`;
}

/** Top-level keys whose values are maps of named entries (a client, a group ...). */
const MAP_KEYS = ["clients", "resourceServers", "identityProviders", "groups", "seedUsers", "tags"];

/**
 * A config the cross-field rules can run on although the schema refused parts of it: each broken
 * value becomes the preset's, and a broken value the preset does not have drops the entry it
 * belongs to (a client with an unknown kind) or the value itself. Repeats while that uncovers more.
 */
function repairForRules(merged: Record<string, unknown>, preset: StackConfig, paths: string[]) {
  const repaired = structuredClone(merged);
  const droppedEntries: string[] = [];
  let broken = paths;
  for (let round = 0; round < 5; round++) {
    for (const p of broken) {
      const fromPreset = valueAt(preset, p);
      const parts = splitPath(p);
      if (fromPreset !== undefined || !hasPath(repaired, p)) setPath(repaired, p, fromPreset);
      else if (MAP_KEYS.includes(parts[0]) && parts.length >= 2) {
        const entry = joinPath(parts.slice(0, 2));
        setPath(repaired, entry, undefined);
        droppedEntries.push(entry);
      } else setPath(repaired, p, undefined);
    }
    applyClientKinds(repaired);
    const parsed = stackConfig.safeParse(repaired);
    if (parsed.success) return { parsed, droppedEntries };
    broken = fromZod(parsed.error, stackConfig, repaired).map((i) => i.path);
  }
  return { parsed: stackConfig.safeParse(repaired), droppedEntries };
}

/** Whether a config path is `root` itself or lies below it. */
const isWithin = (path: string, root: string): boolean =>
  path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);

/** Paths of `secure:` leaves in a stack file's config map, relative to the namespace. */
function secureLeafPaths(configMap: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parts: Array<string | number>): void => {
    if (isSecureLeaf(v)) out.push(joinPath(parts));
    else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, [...parts, i]);
      });
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...parts, k]);
  };
  for (const [k, v] of Object.entries(configMap)) {
    const local = k.startsWith(`${PROJECT}:`) ? k.slice(PROJECT.length + 1) : k.includes(":") ? undefined : k;
    if (local !== undefined) walk(v, [local]);
  }
  return out;
}

function stripNamespace(configMap: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(configMap)) {
    if (k.startsWith(`${PROJECT}:`)) out[k.slice(PROJECT.length + 1)] = v;
    else if (!k.includes(":")) out[k] = v;
  }
  return out;
}

/** Gives each client its kind's defaults underneath its own settings. */
function applyClientKinds(merged: Record<string, unknown>): void {
  const clients = merged.clients;
  if (typeof clients !== "object" || clients === null || Array.isArray(clients)) return;
  for (const [name, c] of Object.entries(clients as Record<string, unknown>)) {
    const kind = typeof c === "object" && c !== null ? (c as Record<string, unknown>).kind : undefined;
    if (typeof kind === "string" && kind in CLIENT_KIND_DEFAULTS) {
      (clients as Record<string, unknown>)[name] = deepMerge(
        CLIENT_KIND_DEFAULTS[kind as keyof typeof CLIENT_KIND_DEFAULTS],
        c,
      );
    }
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
  // The merge shares the preset's objects, and applyClientKinds writes into them: read origins from a fresh copy.
  const merged = deepMerge(preset, { ...raw, environment }) as Record<string, unknown>;
  applyClientKinds(merged);

  const leafPaths = [
    ...secureLeafPaths(input.files?.stackConfig ?? {}),
    ...secureLeafPaths(input.files?.projectConfig ?? {}),
  ];
  // The engine knows which whole keys are secret; a file's `secure:` leaves say which parts. A
  // secret key with no such leaf got its value elsewhere (a Pulumi ESC environment's `fn::secret`,
  // or no stack file at all), so all of it counts as secret.
  const wholeKeys = input.secretKeys
    .filter((k) => k.startsWith(`${PROJECT}:`))
    .map((k) => k.slice(PROJECT.length + 1))
    .filter((k) => !leafPaths.some((p) => isWithin(p, k)));
  const secretPaths = [...leafPaths, ...wholeKeys];
  const isSecret = (path: string): boolean => secretPaths.some((s) => isWithin(path, s));

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
    const files = input.files;
    const stackMap = stripNamespace(files?.stackConfig ?? {});
    const projectMap = stripNamespace(files?.projectConfig ?? {});
    const stackFile = files?.stackFile ?? `Pulumi.${input.stack}.yaml`;
    /** The deepest part of a path that the merged config has: where a missing value would go. */
    const present = (p: string): string => {
      const parts = splitPath(p);
      while (parts.length > 1 && !hasPath(merged, joinPath(parts))) parts.pop();
      return joinPath(parts);
    };
    for (const i of issues) {
      const inStack = hasPath(stackMap, i.path) || !i.path;
      // Missing from an entry the user wrote (an OIDC provider without its issuer) is the user's file's.
      const userEntry =
        !inStack &&
        i.path &&
        !hasPath(merged, i.path) &&
        splitPath(present(i.path)).length > 1 &&
        hasPath(stackMap, present(i.path));
      i.source =
        inStack || userEntry
          ? stackFile
          : hasPath(projectMap, i.path)
            ? "Pulumi.yaml"
            : hasPath(raw, i.path)
              ? "stack config"
              : defaultOrigin(i.path, PRESETS[environment](input.stack), merged, environment);
      // A value the user never wrote needs the way to change it, not only the place it came from.
      if (!inStack && !userEntry && !hasPath(projectMap, i.path) && !hasPath(raw, i.path)) {
        const at = arrayParent(i.path);
        i.rule += hasPath(merged, i.path)
          ? `; this ${at === i.path ? "value" : "list"} comes from the ${i.source}: set ${at} in ${stackFile} to change it`
          : `; the ${i.source} does not set it: set ${at} in ${stackFile}`;
      }
      // A value that is, or holds, a secret is never echoed (a misspelt key can hold a whole secret map).
      if (i.path && (isSecret(i.path) || secretPaths.some((p) => isWithin(p, i.path)))) i.value = "[secret]";
    }
    const repaired =
      parsed.success && region !== undefined ? resolveModel(parsed.data, input.stack, region, isSecret) : undefined;
    throw new ConfigError(input.stack, issues, repaired);
  }
  return resolveModel((parsed as { data: StackConfig }).data, input.stack, region, isSecret);
}
