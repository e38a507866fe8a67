import * as assert from "node:assert";
import { isUnknownValueError, unknownCheckingProxy } from "../../../policy/rules/unknowns";
import { UNKNOWN } from "../harness";

describe("policy/rules/unknowns", () => {
  for (const [kind, sentinel] of Object.entries(UNKNOWN)) {
    it(`the harness's ${kind} sentinel is one @pulumi/policy treats as unknown`, () => {
      const props = unknownCheckingProxy({ outer: { value: sentinel } });
      assert.throws(
        () => props.outer.value,
        (e: unknown) =>
          isUnknownValueError(e) &&
          e.props.join(".") === "outer.value" &&
          e.message.includes("can't be known during preview"),
      );
    });
  }
  it("passes known values through, and tells other errors apart", () => {
    const props = unknownCheckingProxy({ a: [1, 2], b: "x" });
    assert.deepStrictEqual([...props.a], [1, 2]);
    assert.strictEqual(props.b, "x");
    assert.ok(!isUnknownValueError(new Error("other")));
  });
});
