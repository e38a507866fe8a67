import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { setOwn } from "../util/objects";
import { ConfigError, type ConfigIssue } from "./errors";

/** The project name, which is also the config namespace. */
export const PROJECT = "cognito-auth";

/** What stands in for a `secure:` value when no secrets provider can decrypt it (offline runs). */
export const OFFLINE_SECRET_PLACEHOLDER = "offline-placeholder-secret";

/** A stack's config as the files hold it. */
export interface StackFiles {
  /** `Pulumi.<stack>.yaml`, relative to the project directory. */
  stackFile: string;
  /** Parsed `config:` map of the stack file (empty when the file is absent). */
  stackConfig: Record<string, unknown>;
  /** Parsed `config:` map of `Pulumi.yaml` (project-level defaults). */
  projectConfig: Record<string, unknown>;
  /** Whether the stack file exists. */
  exists: boolean;
  /**
   * Top-level keys of the stack file that look like config written without the `config:` wrapper
   * (`cognito-auth:pool`, `aws:region`); Pulumi ignores them.
   */
  misplacedKeys: string[];
}

/** What a stack file may hold at its top level besides `config:` (Pulumi's stack settings). */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

interface ConfigMap {
  config: Record<string, unknown>;
  exists: boolean;
  topLevelKeys: string[];
}

/** Every YAML syntax problem of a file, with line and column. */
function yamlIssues(name: string, text: string): ConfigIssue[] {
  // The parser's first message line already says where: "... at line 4, column 1:".
  return parseDocument(text).errors.map((e) => ({
    path: "",
    key: name,
    value: undefined,
    rule: `not valid YAML: ${e.message.split("\n")[0].replace(/:$/, "")}`,
  }));
}

/**
 * The last parse of each file, by path. A run reads the stack files twice (the runner for the engine
 * config, the program for where each value came from), and tests and the plan fuzz re-read the same
 * files run after run; parsing dominated such runs. Reused only while the text is identical.
 */
const parsed = new Map<string, { text: string; map: ConfigMap; issues: ConfigIssue[] }>();

function readConfigMap(file: string, name: string, issues: ConfigIssue[]): ConfigMap {
  if (!fs.existsSync(file)) return { config: {}, exists: false, topLevelKeys: [] };
  const text = fs.readFileSync(file, "utf8");
  let hit = parsed.get(file);
  if (hit?.text !== text) {
    const found: ConfigIssue[] = [];
    hit = { text, map: parseConfigMap(name, text, found), issues: found };
    parsed.set(file, hit);
  }
  issues.push(...structuredClone(hit.issues));
  // A copy: callers own what they are given.
  return structuredClone(hit.map);
}

function parseConfigMap(name: string, text: string, issues: ConfigIssue[]): ConfigMap {
  const problems = yamlIssues(name, text);
  issues.push(...problems);
  if (problems.length > 0) return { config: {}, exists: true, topLevelKeys: [] };
  const doc: unknown = parseDocument(text).toJS();
  if (doc !== null && doc !== undefined && (typeof doc !== "object" || Array.isArray(doc))) {
    issues.push({ path: "", key: name, value: undefined, rule: "must be a YAML map with a config: key" });
    return { config: {}, exists: true, topLevelKeys: [] };
  }
  const top = (doc ?? {}) as Record<string, unknown>;
  const config = top.config;
  if (config !== undefined && config !== null && (typeof config !== "object" || Array.isArray(config)))
    issues.push({ path: "", key: `${name} config`, value: config, rule: "must be a map of config keys" });
  return {
    config:
      typeof config === "object" && config !== null && !Array.isArray(config)
        ? (config as Record<string, unknown>)
        : {},
    exists: true,
    topLevelKeys: Object.keys(top),
  };
}

/** Marks a project-level declaration that sets no value (a schema with `type` and no `default`). */
const NO_VALUE = Symbol("no value");

/** Project-level `config:` values may be `{ value: x }`, a schema `{ type, default? }`, or a plain value. */
function unwrapProjectValue(v: unknown): unknown {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ("value" in o) return o.value;
    if ("default" in o) return o.default;
    if (typeof o.type === "string") return NO_VALUE;
  }
  return v;
}

/**
 * Reads `Pulumi.<stack>.yaml` and `Pulumi.yaml`. Throws one ConfigError listing every YAML syntax
 * problem of both (with line and column) rather than a parser's stack trace.
 */
export function readStackFiles(stack: string, projectDir: string): StackFiles {
  const stackFile = `Pulumi.${stack}.yaml`;
  const issues: ConfigIssue[] = [];
  const s = readConfigMap(path.join(projectDir, stackFile), stackFile, issues);
  const p = readConfigMap(path.join(projectDir, "Pulumi.yaml"), "Pulumi.yaml", issues);
  if (issues.length > 0) throw new ConfigError(stack, issues);
  const misplacedKeys = s.topLevelKeys.filter((k) => !STACK_FILE_KEYS.includes(k));
  const projectConfig: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.config)) {
    const value = unwrapProjectValue(v);
    if (value !== NO_VALUE) projectConfig[k] = value;
  }
  return { stackFile, stackConfig: s.config, projectConfig, exists: s.exists, misplacedKeys };
}

/** The stack a file name is the config of (`Pulumi.dev.yaml` -> `dev`), if it is a stack file. */
export function stackOfFile(file: string): string | undefined {
  return /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1];
}

/** The stacks of the given file names (a folder's listing, or what git tracks), sorted. */
export function stackNames(files: readonly string[]): string[] {
  return files.flatMap((f) => stackOfFile(f) ?? []).sort();
}

/** The stacks that have a `Pulumi.<stack>.yaml` in a folder. */
export function stacksIn(projectDir: string): string[] {
  return fs.existsSync(projectDir) ? stackNames(fs.readdirSync(projectDir)) : [];
}

/** True for a YAML `{ secure: "v1:..." }` leaf. */
export function isSecureLeaf(v: unknown): v is { secure: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as Record<string, unknown>).secure === "string"
  );
}

/** Replaces every secure leaf with the placeholder; reports whether any was found. */
export function replaceSecureLeaves(v: unknown): { value: unknown; hadSecret: boolean } {
  if (isSecureLeaf(v)) return { value: OFFLINE_SECRET_PLACEHOLDER, hadSecret: true };
  if (Array.isArray(v)) {
    const parts = v.map(replaceSecureLeaves);
    return { value: parts.map((p) => p.value), hadSecret: parts.some((p) => p.hadSecret) };
  }
  if (typeof v === "object" && v !== null) {
    let hadSecret = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = replaceSecureLeaves(x);
      setOwn(out, k, r.value);
      hadSecret ||= r.hadSecret;
    }
    return { value: out, hadSecret };
  }
  return { value: v, hadSecret: false };
}

/**
 * The flat `namespace:key -> string` map and secret key list that the Pulumi engine would hand
 * the program, built from the files alone (secure values become a placeholder).
 */
export function engineConfigFromFiles(files: StackFiles): { config: Record<string, string>; secretKeys: string[] } {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const merged = { ...files.projectConfig, ...files.stackConfig };
  for (const [rawKey, raw] of Object.entries(merged)) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT}:${rawKey}`;
    const { value, hadSecret } = replaceSecureLeaves(raw);
    config[key] = typeof value === "string" ? value : JSON.stringify(value);
    if (hadSecret) secretKeys.push(key);
  }
  return { config, secretKeys };
}
