import type { StackModel } from "./model";
/** One problem found in a stack's config. */
export interface ConfigIssue {
  /** Dotted key path under the `cognito-auth:` namespace, e.g. `pool.passwordPolicy.minimumLength`. */
  path: string;
  /** The whole config key when it lies outside the namespace (`aws:region`), or the file a file-level problem is in. */
  key?: string;
  /** The offending value as written (secrets are never echoed). */
  value: unknown;
  /** The rule that was broken, in words. */
  rule: string;
  /** Where the value came from: `Pulumi.<stack>.yaml`, `Pulumi.yaml` or `preset <name>`. */
  source?: string;
}

function show(value: unknown): string {
  if (value === undefined) return "(not set)";
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

import { RunError } from "@pulumi/pulumi";

/**
 * The single error a bad stack config produces: every problem, each with key, value, rule and file.
 * A `RunError`, so `pulumi up` and `pulumi preview` print its message alone, without a stack trace.
 */
export class ConfigError extends RunError {
  constructor(
    readonly stack: string,
    readonly issues: ConfigIssue[],
    /**
     * The model of the config with its broken values repaired (preset values, broken entries
     * dropped), when one could be built: the plan judges the rest of the config with the policy
     * pack from it, so a refused stack learns every problem in one run.
     */
    readonly repaired?: StackModel,
  ) {
    super(ConfigError.format(stack, issues));
    this.name = "ConfigError";
  }

  static format(stack: string, issues: ConfigIssue[]): string {
    const lines = issues.map(
      (i) =>
        `  - ${i.key ?? `cognito-auth:${i.path}`}${i.path === "" && i.value === undefined ? "" : ` = ${show(i.value)}`}: ${i.rule}${i.source ? ` [${i.source}]` : ""}`,
    );
    return `Stack "${stack}" has ${issues.length} config problem${issues.length === 1 ? "" : "s"}; no resources were created:\n${lines.join("\n")}`;
  }
}

/** Collects issues for one area of the config; a rule set pushes to it. */
export class IssueList {
  readonly issues: ConfigIssue[] = [];

  add(path: string, value: unknown, rule: string): void {
    this.issues.push({ path, value, rule });
  }
}
