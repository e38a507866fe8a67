import { type RecordedResource, resourceKey } from "../offline/recorded-resource";
import { stringLeaves } from "./property-diff";

/**
 * Which custom resources an input value points at, the way the analyzer's property dependencies
 * would name them: a string leaf equal to a resource's id (8 characters or more), or containing its
 * ARN. Indexed once per run, so a lookup costs the input's size, not the stack's: scanning every
 * resource per resource made policy evaluation quadratic in the stack size.
 */
export class DependencyIndex {
  private readonly byId = new Map<string, number[]>();
  private readonly byArn = new Map<string, number[]>();
  /** Distinct ARN lengths: a leaf contains an ARN iff the slice of that length at some `arn:` is one. */
  private readonly arnLengths: number[];

  constructor(
    private readonly all: readonly RecordedResource[],
    private readonly urns: ReadonlyMap<string, string>,
  ) {
    const add = (m: Map<string, number[]>, k: string, i: number): void => {
      const xs = m.get(k);
      if (xs) xs.push(i);
      else m.set(k, [i]);
    };
    all.forEach((s, i) => {
      if (!s.custom) return;
      if (typeof s.id === "string" && s.id.length >= 8) add(this.byId, s.id, i);
      if (typeof s.state.arn === "string") add(this.byArn, s.state.arn, i);
    });
    this.arnLengths = [...new Set([...this.byArn.keys()].map((a) => a.length))];
  }

  /** Indexes (in `all`) of the resources one string points at. */
  private matches(leaf: string, into: Set<number>): void {
    for (const i of this.byId.get(leaf) ?? []) into.add(i);
    if (this.byArn.size === 0) return;
    for (let at = leaf.indexOf("arn:"); at >= 0; at = leaf.indexOf("arn:", at + 1)) {
      for (const n of this.arnLengths) {
        for (const i of this.byArn.get(leaf.slice(at, at + n)) ?? []) into.add(i);
      }
    }
  }

  /** Per input key, the URNs of the other resources its value points at, in the run's order. */
  propertyDependencies(r: RecordedResource): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(r.inputs)) {
      const hits = new Set<number>();
      for (const l of stringLeaves(value)) this.matches(l.value, hits);
      const deps = [...hits]
        .filter((i) => this.all[i] !== r)
        .sort((a, b) => a - b)
        .map((i) => this.urns.get(resourceKey(this.all[i])) as string);
      if (deps.length > 0) out[key] = deps;
    }
    return out;
  }
}
