import * as assert from "node:assert";
import { hasPath, joinPath, setPath, splitPath, valueAt } from "../../../config/paths";

describe("config/paths", () => {
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
  it("quotes keys with dots and reads them back", () => {
    const path = joinPath(["seedUsers", "admin@example.com", "groups", 0]);
    assert.strictEqual(path, 'seedUsers["admin@example.com"].groups[0]');
    assert.deepStrictEqual(splitPath(path), ["seedUsers", "admin@example.com", "groups", "0"]);
    assert.strictEqual(valueAt({ seedUsers: { "admin@example.com": { groups: ["Admins"] } } }, path), "Admins");
  });
  it("never treats inherited properties as set", () => {
    assert.strictEqual(valueAt({ pool: {} }, "pool.toString"), undefined);
    assert.ok(!hasPath({ pool: {} }, "pool.constructor"));
  });
  it("sets a copy, removes keys and array entries, and leaves a missing parent alone", () => {
    const o: Record<string, unknown> = { a: { b: 1, list: [1, 2, 3] } };
    const v = { deep: true };
    setPath(o, "a.c", v);
    v.deep = false;
    assert.deepStrictEqual(valueAt(o, "a.c"), { deep: true });
    setPath(o, "a.b", undefined);
    setPath(o, "a.list[1]", undefined);
    setPath(o, "missing.x", 1);
    assert.deepStrictEqual(o, { a: { list: [1, 3], c: { deep: true } } });
  });
  it("never walks into a prototype when setting", () => {
    const o = { pool: {} };
    setPath(o, "pool.toString.x", 1);
    assert.strictEqual((Function.prototype.toString as unknown as Record<string, unknown>).x, undefined);
  });
});
