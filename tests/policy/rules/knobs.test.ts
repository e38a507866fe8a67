import * as assert from "node:assert";
import { boolean, integer, list, oneOf, readConfig, schemaOf, text } from "../../../policy/rules/knobs";

const knobs = {
  length: integer(8, "min", { minimum: 6 }),
  strict: boolean(true, "strict"),
  mode: oneOf(["A", "B"] as const, "A", "mode"),
  pattern: text("x", "pattern"),
  items: list(["a"], "items", ["a", "b"]),
};

describe("policy/rules/knobs", () => {
  it("builds a JSON schema whose defaults are the knobs' defaults", () => {
    const { properties } = schemaOf(knobs);
    assert.deepStrictEqual(Object.keys(properties), ["length", "strict", "mode", "pattern", "items"]);
    assert.deepStrictEqual(properties.length, { type: "integer", default: 8, description: "min", minimum: 6 });
    assert.deepStrictEqual(properties.mode.enum, ["A", "B"]);
    assert.deepStrictEqual(properties.items, {
      type: "array",
      items: { type: "string", enum: ["a", "b"] },
      default: ["a"],
      description: "items",
    });
    assert.ok(!("enforcementLevel" in properties));
  });
  it("fills knobs the engine did not send with their defaults, and keeps sent ones (even falsy)", () => {
    const cfg = readConfig(knobs, { getConfig: <T extends object>() => ({ strict: false, length: 0 }) as T });
    assert.deepStrictEqual(cfg, { length: 0, strict: false, mode: "A", pattern: "x", items: ["a"] });
  });
});
