import * as assert from "node:assert/strict";
import { type RecordedResource, resourceKey } from "../../../offline/recorded-resource";
import { DependencyIndex } from "../../../plan/dependency-index";
import { stringLeaves } from "../../../plan/property-diff";
import { recordedResource as res, runStack } from "../helpers";

/** The scan the index replaced: every other custom resource, per input key. */
function scanned(r: RecordedResource, all: RecordedResource[], urns: Map<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const targets = all
    .filter((s) => s.custom && s !== r)
    .map((s) => ({
      urn: urns.get(resourceKey(s)) as string,
      id: typeof s.id === "string" && s.id.length >= 8 ? s.id : undefined,
      arn: typeof s.state.arn === "string" ? s.state.arn : undefined,
    }));
  for (const [key, value] of Object.entries(r.inputs)) {
    const leaves = stringLeaves(value).map((l) => l.value);
    const deps = targets.filter((t) => leaves.some((l) => l === t.id || (t.arn !== undefined && l.includes(t.arn))));
    if (deps.length > 0) out[key] = deps.map((d) => d.urn);
  }
  return out;
}

const urnsOf = (all: RecordedResource[]) => new Map(all.map((r) => [resourceKey(r), r.urn]));

describe("plan/dependency-index", () => {
  it("finds ids by equality, ARNs inside longer strings, in run order, never the resource itself", () => {
    const all = [
      res("pool", { id: "us-east-1_abcdefghi", state: { arn: "arn:aws:cognito-idp:us-east-1:1:userpool/x" } }),
      res("risk", { id: "us-east-1_abcdefghi" }),
      res("short", { id: "abc" }),
      res("role", { id: "role-name-1", state: { arn: "arn:aws:iam::1:role/r" } }),
      res("component", { custom: false, id: "component-id-1" }),
      res("user", {
        id: "user-id-0001",
        inputs: {
          userPoolId: "us-east-1_abcdefghi",
          policy: '{"Resource":["arn:aws:iam::1:role/r","arn:aws:cognito-idp:us-east-1:1:userpool/x/client/*"]}',
          short: "abc",
          parent: "component-id-1",
          self: "user-id-0001",
        },
      }),
    ];
    const urns = urnsOf(all);
    const got = new DependencyIndex(all, urns).propertyDependencies(all[5]);
    assert.deepEqual(got, {
      userPoolId: [all[0].urn, all[1].urn],
      policy: [all[0].urn, all[3].urn],
    });
    assert.deepEqual(got, scanned(all[5], all, urns));
  });

  it("agrees with the full scan on every resource of the committed and fixture stacks", async () => {
    for (const [stack, dir] of [
      ["dev", undefined],
      ["prod", undefined],
      ["federation", "tests/fixtures/federation"],
    ] as const) {
      const run = await runStack(stack, dir);
      const urns = urnsOf(run.resources);
      const index = new DependencyIndex(run.resources, urns);
      let edges = 0;
      for (const r of run.resources) {
        const got = index.propertyDependencies(r);
        assert.deepEqual(got, scanned(r, run.resources, urns), `${stack} ${r.name}`);
        edges += Object.keys(got).length;
      }
      assert.ok(edges > 5, `${stack} has property dependencies to compare`);
    }
  });
});
