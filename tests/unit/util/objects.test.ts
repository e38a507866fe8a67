import * as assert from "node:assert";
import { dropUndefined, setOwn } from "../../../util/objects";

describe("util/objects", () => {
  it("drops only the undefined keys, keeping falsy values and nested objects as they are", () => {
    const nested = { x: undefined };
    const out = dropUndefined({ a: 1, b: undefined, c: false, d: null, e: "", f: 0, g: nested });
    assert.deepStrictEqual(out, { a: 1, c: false, d: null, e: "", f: 0, g: { x: undefined } });
    assert.ok(!Object.hasOwn(out, "b"));
    assert.strictEqual(out.g, nested);
  });

  it("returns an empty object, not undefined, when every key is undefined", () => {
    assert.deepStrictEqual(dropUndefined({ a: undefined }), {});
  });

  it("setOwn keeps `__proto__` an ordinary own key", () => {
    const o: Record<string, unknown> = {};
    setOwn(o, "__proto__", { polluted: true });
    assert.strictEqual(Object.getPrototypeOf(o), Object.prototype);
    assert.deepStrictEqual(Object.keys(o), ["__proto__"]);
  });
});
