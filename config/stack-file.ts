import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { setOwn } from "../util/objects";

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
}

function readConfigMap(file: string): { config: Record<string, unknown>; exists: boolean } {
  if (!fs.existsSync(file)) return { config: {}, exists: false };
  const doc: unknown = parse(fs.readFileSync(file, "utf8"));
  const config = typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>).config : undefined;
  return {
    config: typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {},
    exists: true,
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

export function readStackFiles(stack: string, projectDir: string): StackFiles {
  const stackFile = `Pulumi.${stack}.yaml`;
  const s = readConfigMap(path.join(projectDir, stackFile));
  const p = readConfigMap(path.join(projectDir, "Pulumi.yaml"));
  const projectConfig: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.config)) {
    const value = unwrapProjectValue(v);
    if (value !== NO_VALUE) projectConfig[k] = value;
  }
  return { stackFile, stackConfig: s.config, projectConfig, exists: s.exists };
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
