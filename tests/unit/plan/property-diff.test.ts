import * as assert from "node:assert";
import { changedPaths, deepEqual, stringLeaves, valueAt } from "../../../plan/property-diff";

describe("plan/property-diff", () => {
  it("names the changed leaves, in the runner's path notation", () => {
    const a = { name: "p", cfg: { caseSensitive: false, keep: 1 }, list: ["x", { y: 1 }], gone: 1 };
    const b = { name: "p", cfg: { caseSensitive: true, keep: 1 }, list: ["x", { y: 2 }], added: "n" };
    assert.deepStrictEqual(changedPaths(a, b), ["cfg.caseSensitive", "list[1].y", "gone", "added"]);
  });

  it("a list that grows or shrinks is one path; null and missing are the same", () => {
    assert.deepStrictEqual(changedPaths({ l: [1] }, { l: [1, 2] }), ["l"]);
    assert.deepStrictEqual(changedPaths({ a: null }, {}), []);
    assert.ok(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
    assert.ok(!deepEqual({ a: "1" }, { a: 1 }));
  });

  it("reads a value at a path and lists string leaves", () => {
    const v = { a: { b: [{ c: "x" }] } };
    assert.strictEqual(valueAt(v, "a.b[0].c"), "x");
    assert.strictEqual(valueAt(v, "a.z[3]"), undefined);
    assert.deepStrictEqual(stringLeaves(v), [{ path: "a.b[0].c", value: "x" }]);
  });
});
