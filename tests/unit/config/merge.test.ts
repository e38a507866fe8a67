import * as assert from "assert";
import { deepMerge, hasPath, joinPath, splitPath, valueAt } from "../../../config/merge";

describe("config/merge", () => {
  it("merges objects key by key and replaces arrays and scalars", () => {
    assert.deepStrictEqual(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: 2 }), { a: { b: 1, c: [3] }, d: 2 });
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
  it("reads and tests paths with indexes", () => {
    const o = { clients: { web: { callbackUrls: ["x", "y"] } } };
    assert.strictEqual(valueAt(o, "clients.web.callbackUrls[1]"), "y");
    assert.strictEqual(valueAt(o, "clients.api.callbackUrls"), undefined);
    assert.ok(hasPath(o, "clients.web"));
    assert.ok(!hasPath(o, "clients.web.logoutUrls"));
  });
  it("splits and joins paths the way `pulumi config set --path` writes them", () => {
    assert.deepStrictEqual(splitPath("a.b[0].c"), ["a", "b", "0", "c"]);
    assert.strictEqual(joinPath(["a", "b", 0, "c"]), "a.b[0].c");
  });
});

describe("config/merge: awkward keys", () => {
  it("quotes keys with dots, as `pulumi config set --path` expects, and reads them back", () => {
    const path = joinPath(["seedUsers", "admin@example.com", "groups", 0]);
    assert.strictEqual(path, 'seedUsers["admin@example.com"].groups[0]');
    assert.deepStrictEqual(splitPath(path), ["seedUsers", "admin@example.com", "groups", "0"]);
    assert.strictEqual(valueAt({ seedUsers: { "admin@example.com": { groups: ["Admins"] } } }, path), "Admins");
  });
  it("never treats inherited properties as set", () => {
    assert.strictEqual(valueAt({ pool: {} }, "pool.toString"), undefined);
    assert.ok(!hasPath({ pool: {} }, "pool.constructor"));
  });
  it("keeps a `__proto__` key from JSON as a plain key instead of changing the prototype", () => {
    const merged = deepMerge({ a: 1 }, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(Object.getPrototypeOf(merged), Object.prototype);
    assert.ok(Object.hasOwn(merged, "__proto__"));
  });
});
