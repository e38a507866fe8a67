import * as assert from "node:assert";
import { deepMerge } from "../../../config/merge";

describe("config/merge", () => {
  it("merges objects key by key and replaces arrays and scalars", () => {
    assert.deepStrictEqual(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 }), {
      a: { b: 1, c: [3] },
      d: 2,
    });
  });
  it("removes keys set to null and keeps base when over is undefined", () => {
    assert.deepStrictEqual(deepMerge({ a: 1, b: 2 }, { a: null }), { b: 2 });
    assert.deepStrictEqual(deepMerge({ a: 1 }, undefined), { a: 1 });
  });
  it("does not mutate its inputs", () => {
    const base = { a: { b: 1 } };
    deepMerge(base, { a: { b: 2 } });
    assert.deepStrictEqual(base, { a: { b: 1 } });
  });
  it("keeps a `__proto__` key from JSON as a plain key instead of changing the prototype", () => {
    const merged = deepMerge({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(Object.getPrototypeOf(merged), Object.prototype);
    assert.ok(Object.hasOwn(merged, "__proto__"));
  });
  it("returns a value that shares nothing with its inputs", () => {
    const base = { a: { list: [1, 2] }, b: { c: 1 } };
    const over = { b: { d: [3] } };
    const out = deepMerge(base, over) as { a: { list: number[] }; b: { d: number[] } };
    out.a.list.push(9);
    out.b.d.push(9);
    assert.deepStrictEqual([base.a.list, over.b.d], [[1, 2], [3]]);
  });
});
