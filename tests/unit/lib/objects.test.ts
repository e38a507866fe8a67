import * as assert from "assert";
import { dropUndefined } from "../../../lib/objects";

describe("lib/objects", () => {
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
});
