import * as assert from "node:assert";
import { devPreset } from "../../../config/presets/dev";
import { repairForRules } from "../../../config/repair";

describe("config/repair", () => {
  it("puts the preset's value where the stack's was broken, and drops an entry the preset lacks", () => {
    const preset = devPreset("dev");
    const merged = structuredClone(preset) as unknown as Record<string, unknown>;
    (merged.pool as Record<string, unknown>).mfaConfiguration = "SOMETIMES";
    (merged.clients as Record<string, unknown>).mobile = { kind: "mobil" };
    const r = repairForRules(merged, preset, ["pool.mfaConfiguration", "clients.mobile.kind"]);
    assert.ok(r.parsed.success);
    assert.strictEqual(r.parsed.data.pool.mfaConfiguration, "OPTIONAL");
    assert.ok(!("mobile" in r.parsed.data.clients));
    assert.deepStrictEqual(r.droppedEntries, ["clients.mobile"]);
    assert.strictEqual(
      (merged.pool as Record<string, unknown>).mfaConfiguration,
      "SOMETIMES",
      "the input is left alone",
    );
  });
});
