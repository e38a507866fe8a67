import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { maskPaths, resolveDeep, revealWireSecrets } from "../../../offline/secrets";

const wire = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

describe("offline/secrets", () => {
  it("reveals wire secrets and reports their paths", () => {
    const r = revealWireSecrets({ a: wire("s"), b: [1, wire({ c: 2 })], d: "plain" });
    assert.deepStrictEqual(r.value, { a: "s", b: [1, { c: 2 }], d: "plain" });
    assert.deepStrictEqual(r.secretPaths, ["a", "b[1]"]);
  });

  it("awaits outputs deeply and records which were secret", async () => {
    const r = await resolveDeep({
      id: pulumi.output("x"),
      nested: { secret: pulumi.secret("p"), list: [pulumi.output(1)] },
    });
    assert.deepStrictEqual(r.value, { id: "x", nested: { secret: "p", list: [1] } });
    assert.deepStrictEqual(r.secretPaths, ["nested.secret"]);
  });

  it("masks secret paths for printing", () => {
    assert.deepStrictEqual(maskPaths({ a: "s", b: [1, "t"], c: { d: "u" } }, ["a", "b[1]", "c.d"]), {
      a: "[secret]",
      b: [1, "[secret]"],
      c: { d: "[secret]" },
    });
  });
});
