import { editDistance } from "./did-you-mean";
import type { ConfigIssue } from "./errors";
import type { ConfigInput } from "./load";
import { TOP_LEVEL_KEYS } from "./schema";
import { PROJECT } from "./stack-file";

/**
 * Keys Pulumi accepts but that never reach this program: a namespace one or two edits from ours
 * (`cognito_auth:pool`), and keys written at the top of the stack file instead of under `config:`.
 * Other namespaces (`aws:`, `pulumi:`, other projects') are left alone.
 */
export function strayKeys(input: ConfigInput): ConfigIssue[] {
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
