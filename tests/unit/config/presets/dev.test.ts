import * as assert from "node:assert";
import { PRESETS } from "../../../../config/presets";

describe("config/presets/dev", () => {
  it("dev: MFA OPTIONAL, localhost callbacks, the recipe's seed users", () => {
    const d = PRESETS.dev("dev");
    assert.strictEqual(d.pool.mfaConfiguration, "OPTIONAL");
    assert.match(String(d.clients.web.callbackUrls), /^http:\/\/localhost:/);
    assert.deepStrictEqual(Object.keys(d.seedUsers), ["admin@example.com", "customer@example.com"]);
  });
});
