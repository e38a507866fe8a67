import type { ConfigIssue } from "./errors";
import { hasPath, joinPath, splitPath, valueAt } from "./paths";
import type { Environment } from "./presets";
import type { StackConfig } from "./schema";
import { PROJECT } from "./stack-file";

function stripNamespace(configMap: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(configMap)) {
    if (k.startsWith(`${PROJECT}:`)) out[k.slice(PROJECT.length + 1)] = v;
    else if (!k.includes(":")) out[k] = v;
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

export interface OriginContext {
  stack: string;
  environment: Environment;
  /** The stack file's and `Pulumi.yaml`'s `config:` maps. */
  stackConfig: Record<string, unknown>;
  projectConfig: Record<string, unknown>;
  stackFile: string;
  /** The `cognito-auth:` values the engine gave, parsed. */
  raw: Record<string, unknown>;
  preset: StackConfig;
  /** The preset with the stack's values over it. */
  merged: Record<string, unknown>;
}

/**
 * Says where each issue's value came from (the stack file, `Pulumi.yaml`, the preset or a client
 * kind's defaults) and, for a value the user never wrote, which key in the stack file changes it.
 */
export function labelOrigins(issues: ConfigIssue[], o: OriginContext): void {
  const stackMap = stripNamespace(o.stackConfig);
  const projectMap = stripNamespace(o.projectConfig);
  /** The deepest part of a path that the merged config has: where a missing value would go. */
  const present = (p: string): string => {
    const parts = splitPath(p);
    while (parts.length > 1 && !hasPath(o.merged, joinPath(parts))) parts.pop();
    return joinPath(parts);
  };
  for (const i of issues) {
    const inStack = hasPath(stackMap, i.path) || !i.path;
    // Missing from an entry the user wrote (an OIDC provider without its issuer) is the user's file's.
    const userEntry =
      !inStack &&
      !hasPath(o.merged, i.path) &&
      splitPath(present(i.path)).length > 1 &&
      hasPath(stackMap, present(i.path));
    const written = inStack || userEntry || hasPath(projectMap, i.path) || hasPath(o.raw, i.path);
    i.source =
      inStack || userEntry
        ? o.stackFile
        : hasPath(projectMap, i.path)
          ? "Pulumi.yaml"
          : hasPath(o.raw, i.path)
            ? "stack config"
            : defaultOrigin(i.path, o.preset, o.merged, o.environment);
    // A value the user never wrote needs the way to change it, not only the place it came from.
    if (!written) {
      const at = arrayParent(i.path);
      i.rule += hasPath(o.merged, i.path)
        ? `; this ${at === i.path ? "value" : "list"} comes from the ${i.source}: set ${at} in ${o.stackFile} to change it`
        : `; the ${i.source} does not set it: set ${at} in ${o.stackFile}`;
    }
  }
}
