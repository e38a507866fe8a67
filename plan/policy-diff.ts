/** Policy results of the head plan and what changed against the base: new violations, fixed ones. */
import type { Violation } from "./evaluate-policies";
import { urnKey } from "./snapshot";

export interface PolicyDiff {
  head: Violation[];
  /** Undefined when the base's results are unknown. */
  added?: Violation[];
  fixed?: Violation[];
}

/** One violation per policy and resource (its message may mention values that change). */
const key = (v: Violation): string => `${v.policy}|${v.resource === null ? "(stack)" : urnKey(v.resource)}`;

export function policyDiff(head: Violation[], base?: Violation[]): PolicyDiff {
  if (base === undefined) return { head };
  const [h, b] = [new Set(head.map(key)), new Set(base.map(key))];
  return { head, added: head.filter((v) => !b.has(key(v))), fixed: base.filter((v) => !h.has(key(v))) };
}

export function countLevels(violations: Violation[]): string {
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  return `${mandatory} mandatory, ${violations.length - mandatory} advisory`;
}
