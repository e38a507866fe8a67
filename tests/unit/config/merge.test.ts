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
});
