import * as assert from "node:assert";
import { z } from "zod";
import { fromZod } from "../../../config/zod-issues";

describe("config/zod-issues", () => {
  const schema = z.strictObject({
    a: z.strictObject({ size: z.int().min(1) }),
    m: z.record(z.string(), z.strictObject({ kind: z.enum(["x", "y"]) })),
  });
  const issuesOf = (input: unknown) => {
    const r = schema.safeParse(input);
    assert.ok(!r.success);
    return fromZod(r.error, schema, input);
  };
  it("turns unknown keys into one issue each with a hint from that level", () => {
    assert.deepStrictEqual(issuesOf({ a: { size: 1, sise: 2 }, m: {} }), [
      { path: "a.sise", value: 2, rule: 'unknown key; did you mean "size"?' },
    ]);
  });
  it("finds known keys inside records", () => {
    assert.deepStrictEqual(issuesOf({ a: { size: 1 }, m: { k: { kind: "x", kinds: 1 } } }), [
      { path: "m.k.kinds", value: 1, rule: 'unknown key; did you mean "kind"?' },
    ]);
  });
  it("reports a missing required key as required", () => {
    const [i] = issuesOf({ a: {}, m: {} });
    assert.strictEqual(i.path, "a.size");
    assert.match(i.rule, /^required \(expected number/);
  });
  it("keeps the value and zod's rule for a bad value", () => {
    const [i] = issuesOf({ a: { size: 0 }, m: {} });
    assert.deepStrictEqual([i.path, i.value], ["a.size", 0]);
    assert.match(i.rule, />=1/);
  });
});
