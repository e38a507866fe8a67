import * as assert from "node:assert";
import { applyTransform } from "../../../components/transform";

describe("components/transform", () => {
  it("returns args unchanged without a transform", () => {
    const args = { a: 1 };
    assert.deepStrictEqual(applyTransform(undefined, "n", args, { protect: true }), ["n", { a: 1 }, { protect: true }]);
  });
  it("merges an object over the args", () => {
    assert.deepStrictEqual(applyTransform<{ a: number; b?: number }>({ b: 2 }, "n", { a: 1 }, {})[1], { a: 1, b: 2 });
  });
  it("lets a function edit args and options in place, knowing the child's name", () => {
    const [, args, opts] = applyTransform<{ a: number }>(
      (a, o, name) => {
        a.a = name.length;
        o.protect = true;
      },
      "four",
      { a: 1 },
      {},
    );
    assert.deepStrictEqual(args, { a: 4 });
    assert.strictEqual(opts.protect, true);
  });
});
