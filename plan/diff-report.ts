/** One stack's diff report, as the table, markdown and JSON outputs read it, and the `--json` document. */
import { type Callout, calloutsOf } from "./callouts";
import { type ChangeKind, diffRuns, type PathChange, type StackDiff } from "./diff";
import type { Violation } from "./evaluate-policies";
import { FORCE_NEW, type ForceNewTable } from "./force-new";
import { type PolicyDiff, policyDiff } from "./policy-diff";
import { showValue } from "./short-type";
import type { PlanSnapshot } from "./snapshot";

export interface StackReport {
  /** `dev`, or `dev → prod` for two stacks. */
  stack: string;
  base: { label: string; error?: string };
  head: { label: string };
  /** Undefined when the base could not be planned. */
  diff?: StackDiff;
  callouts: Callout[];
  policy: PolicyDiff;
  /** The head's own plan document, given when the base failed (the head is still shown). */
  headPlan?: Record<string, unknown>;
}

/** A base that could not be planned: why, in one message. */
export interface BaseFailure {
  label: string;
  error: string;
}

export function buildReport(
  stack: string,
  base: PlanSnapshot | BaseFailure,
  head: PlanSnapshot,
  headViolations: Violation[],
  forceNew: ForceNewTable | null = FORCE_NEW,
): StackReport {
  if ("error" in base)
    return {
      stack,
      base: { label: base.label, error: base.error },
      head: { label: head.label },
      callouts: [],
      policy: policyDiff(headViolations),
    };
  const diff = diffRuns(base, head, forceNew);
  return {
    stack,
    base: { label: base.label },
    head: { label: head.label },
    diff,
    callouts: calloutsOf(diff),
    policy: policyDiff(headViolations, base.violations),
  };
}

export type Summary = Record<ChangeKind, number> & { unchanged: number; refused: number };

export function summarize(diff: StackDiff): Summary {
  const count = (k: ChangeKind) => diff.resources.filter((r) => r.change === k).length;
  return {
    replaced: count("replaced"),
    removed: count("removed"),
    added: count("added"),
    changed: count("changed"),
    unchanged: diff.unchanged,
    refused: diff.resources.filter((r) => r.refused).length,
  };
}

/** The `--json` document: secret paths carry `secret: true` and no values. */
export function diffDocument(reports: StackReport[]): Record<string, unknown> {
  return {
    reports: reports.map((r) => ({
      stack: r.stack,
      base: r.base,
      head: r.head,
      summary: r.diff ? summarize(r.diff) : null,
      callouts: r.callouts,
      resources: (r.diff?.resources ?? []).map((d) => ({
        ...d,
        forceNewSource: d.change === "replaced" ? (FORCE_NEW as ForceNewTable)[d.type]?.source : undefined,
      })),
      notes: r.diff?.notes ?? [],
      policy: { head: r.policy.head, new: r.policy.added ?? null, fixed: r.policy.fixed ?? null },
      ...(r.headPlan ? { headPlan: r.headPlan } : {}),
    })),
  };
}

/** How a change reads: `replace`/`delete`/`create`/`update`, or `only in prod`/`differs` for two stacks. */
export function changeWord(kind: ChangeKind, diff: StackDiff): string {
  if (diff.judgesReplacement)
    return { replaced: "replace", removed: "delete", added: "create", changed: "update" }[kind];
  return { replaced: "differs", removed: `only in ${diff.base}`, added: `only in ${diff.head}`, changed: "differs" }[
    kind
  ];
}

/** One changed path for display: values only when not secret. */
export function describePath(p: PathChange, withValues: boolean): string {
  const force = p.forcesNew ? " (forces replacement)" : "";
  if (p.follows) return `${p.path}: new id of ${p.follows}${force}`;
  if (p.secret) return `${p.path}: changed (secret)${force}`;
  if (!withValues) return `${p.path}${force}`;
  return `${p.path}: ${showValue(p.before, 40)} -> ${showValue(p.after, 40)}${force}`;
}
