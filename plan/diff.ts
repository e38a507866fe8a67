/**
 * What changes between two plans, resource by resource by URN: added, removed, changed (with the
 * changed input paths) and replaced, judged with the force-new table (plan/force-new.ts). Pure: it
 * reads two snapshots (plan/snapshot.ts) and prints nothing. Secret values never leave it: a path at
 * or around a secret carries no before/after, only that it changed.
 */
import { maskPaths } from "../offline/secrets";
import { type AddOnlyList, FORCE_NEW, type ForceNewTable, forcingPaths, isUnder } from "./force-new";
import { changedPaths, deepEqual, stringLeaves, valueAt } from "./property-diff";
import type { PlanSnapshot, SnapshotResource } from "./snapshot";
import { urnKey } from "./snapshot";

export type ChangeKind = "replaced" | "removed" | "added" | "changed";

export interface PathChange {
  path: string;
  /** At, inside or around a secret: no values are given. */
  secret: boolean;
  /** Replaces the resource. */
  forcesNew: boolean;
  /** Set for non-secret paths whose value is known (absent for a value that appears or goes). */
  before?: unknown;
  after?: unknown;
  /** The input holds the id or ARN of this resource, which is replaced: its new value is unknown. */
  follows?: string;
}

export interface ResourceDiff {
  /** `urnKey` of the URN: the same in both plans. */
  key: string;
  urn: string;
  type: string;
  name: string;
  change: ChangeKind;
  paths: PathChange[];
  /** Why it is replaced. */
  reasons: string[];
  /** Changes that are updates worth a word (custom attributes added in place). */
  notes: string[];
  /** Set when the update would fail (a custom attribute changed or removed). */
  refused?: string;
  /** As in the base plan (the head's for an added resource): Pulumi refuses to replace or delete it. */
  protect: boolean;
  retainOnDelete: boolean;
  /** As in the head plan: deleted before its replacement exists. */
  deleteBeforeReplace: boolean;
}

export interface StackDiff {
  base: string;
  head: string;
  /** Replaced first, then removed, added, changed. */
  resources: ResourceDiff[];
  /** Resources in both plans with equal inputs. */
  unchanged: number;
  /** False for a comparison of two stacks, where nothing is replaced. */
  judgesReplacement: boolean;
  notes: string[];
}

const ORDER: Record<ChangeKind, number> = { replaced: 0, removed: 1, added: 2, changed: 3 };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const isSecretPath = (path: string, secretPaths: readonly string[]): boolean =>
  secretPaths.some((s) => isUnder(path, s) || isUnder(s, path));

function entry(key: string, r: SnapshotResource, change: ChangeKind, base?: SnapshotResource): ResourceDiff {
  const options = base ?? r;
  return {
    key,
    urn: r.urn,
    type: r.type,
    name: r.name,
    change,
    paths: [],
    reasons: [],
    notes: [],
    protect: options.protect,
    retainOnDelete: options.retainOnDelete,
    deleteBeforeReplace: r.deleteBeforeReplace,
  };
}

/** An add-only list (custom attributes): what the head drops or alters, and what it adds. */
function addOnlyOutcome(list: AddOnlyList, before: unknown, after: unknown): { refused?: string; note?: string } {
  const b = Array.isArray(before) ? before : [];
  const a = Array.isArray(after) ? after : [];
  const name = (x: unknown) => String(isRecord(x) ? x[list.key] : x);
  const lost = b.filter((x) => !a.some((y) => deepEqual(x, y)));
  const added = a.filter((y) => !b.some((x) => deepEqual(x, y)));
  if (lost.length > 0) {
    const what = lost.map((x) => `${name(x)} (${a.some((y) => name(y) === name(x)) ? "changed" : "removed"})`);
    return {
      refused: `${list.path}: ${what.join(", ")}: Cognito cannot change or remove one, the update fails ("cannot modify or remove schema items")`,
    };
  }
  if (added.length > 0)
    return { note: `${list.path}: adds ${added.map(name).join(", ")} in place (AddCustomAttributes)` };
  return {};
}

function compare(
  key: string,
  b: SnapshotResource,
  h: SnapshotResource,
  revealed: boolean,
  forceNew: ForceNewTable | null,
): ResourceDiff | undefined {
  // A masked side compares masks: each side's secrets as `[secret]`, so one appearing or going shows.
  const bi = revealed ? b.inputs : maskPaths(b.inputs, b.secretPaths);
  const hi = revealed ? h.inputs : maskPaths(h.inputs, h.secretPaths);
  const rule = forceNew?.[h.type];
  const d = entry(key, h, "changed", b);
  let paths = changedPaths(bi, hi);
  for (const list of rule?.addOnly ?? []) {
    if (!paths.some((p) => isUnder(p, list.path))) continue;
    const outcome = addOnlyOutcome(list, valueAt(bi, list.path), valueAt(hi, list.path));
    if (outcome.refused) d.refused = outcome.refused;
    else if (outcome.note) d.notes.push(outcome.note);
    else paths = paths.filter((p) => !isUnder(p, list.path)); // a set in another order: no change
  }
  if (paths.length === 0) return undefined;
  const forcing = forcingPaths(rule, paths);
  const secrets = [...b.secretPaths, ...h.secretPaths];
  d.paths = paths.map((path) => {
    const secret = isSecretPath(path, secrets);
    const change: PathChange = { path, secret, forcesNew: forcing.includes(path) };
    if (!secret) {
      const [before, after] = [valueAt(bi, path), valueAt(hi, path)];
      if (before !== undefined) change.before = before;
      if (after !== undefined) change.after = after;
    }
    return change;
  });
  if (forcing.length > 0) {
    d.change = "replaced";
    d.reasons = forcing.map((p) => `${p} forces a new resource`);
  }
  return d;
}

/** Resources whose inputs hold a replaced resource's id or ARN: changed, or replaced at a force-new path. */
function propagate(
  diffs: Map<string, ResourceDiff>,
  base: Map<string, SnapshotResource>,
  head: Map<string, SnapshotResource>,
  forceNew: ForceNewTable,
): void {
  let queue = [...diffs.values()].filter((d) => d.change === "replaced");
  while (queue.length > 0) {
    const next: ResourceDiff[] = [];
    for (const replaced of queue) {
      const refs = head.get(replaced.key)?.refs ?? [];
      if (refs.length === 0) continue;
      for (const [key, dep] of head) {
        const old = base.get(key);
        if (key === replaced.key || !old) continue;
        const hits = stringLeaves(dep.inputs).filter((l) => refs.some((ref) => l.value.includes(ref)));
        if (hits.length === 0) continue;
        let d = diffs.get(key);
        if (!d) {
          d = entry(key, dep, "changed", old);
          diffs.set(key, d);
        }
        for (const hit of hits) {
          const forces = forcingPaths(forceNew[dep.type], [hit.path]).length > 0;
          const seen = d.paths.find((p) => p.path === hit.path && p.follows);
          if (seen?.follows?.split(", ").includes(replaced.name)) continue;
          if (seen) seen.follows = `${seen.follows}, ${replaced.name}`;
          else
            d.paths.push({
              path: hit.path,
              secret: isSecretPath(hit.path, dep.secretPaths),
              forcesNew: forces,
              follows: replaced.name,
            });
          if (!forces) continue;
          d.reasons.push(`${hit.path} holds the id of ${replaced.name}, which is replaced`);
          if (d.change !== "replaced") {
            d.change = "replaced";
            next.push(d);
          }
        }
      }
    }
    queue = next;
  }
}

/**
 * Compares two plans. With a force-new table (the default) changes are judged as a deployment of
 * `head` over `base` would make them; with `null` (two different stacks) nothing is replaced.
 */
export function diffRuns(
  base: PlanSnapshot,
  head: PlanSnapshot,
  forceNew: ForceNewTable | null = FORCE_NEW,
): StackDiff {
  const byKey = (s: PlanSnapshot) =>
    new Map(s.resources.filter((r) => r.custom).map((r) => [urnKey(r.urn), r] as const));
  const [b, h] = [byKey(base), byKey(head)];
  const revealed = base.secretsRevealed && head.secretsRevealed;
  const diffs = new Map<string, ResourceDiff>();
  for (const [key, r] of h) {
    const old = b.get(key);
    const d = old ? compare(key, old, r, revealed, forceNew) : entry(key, r, "added");
    if (d) diffs.set(key, d);
  }
  for (const [key, r] of b) if (!h.has(key)) diffs.set(key, entry(key, r, "removed"));
  if (forceNew) propagate(diffs, b, h, forceNew);
  const order = [...h.keys(), ...[...b.keys()].filter((k) => !h.has(k))];
  const position = new Map(order.map((k, i) => [k, i] as const));
  const resources = [...diffs.values()].sort(
    (x, y) => ORDER[x.change] - ORDER[y.change] || (position.get(x.key) ?? 0) - (position.get(y.key) ?? 0),
  );
  return {
    base: base.label,
    head: head.label,
    resources,
    unchanged: [...h.keys()].filter((k) => b.has(k) && !diffs.has(k)).length,
    judgesReplacement: forceNew !== null,
    notes: [...base.notes.map((n) => `${base.label}: ${n}`), ...head.notes.map((n) => `${head.label}: ${n}`)],
  };
}
