import * as assert from "node:assert";
import { defaultEnvironment, PRESETS } from "../../../../config/presets";
import { stackConfig } from "../../../../config/schema";

describe("config/presets (index, common)", () => {
  it("each preset is a complete config by the schema", () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      const r = stackConfig.safeParse(preset("x"));
      assert.ok(r.success, `${name}: ${r.success ? "" : JSON.stringify(r.error.issues)}`);
    }
  });
  it("both carry the recipe's groups and custom attributes", () => {
    for (const preset of Object.values(PRESETS)) {
      const c = preset("s");
      assert.deepStrictEqual(
        Object.entries(c.groups).map(([k, g]) => [k, g.precedence]),
        [
          ["Administrators", 1],
          ["PremiumCustomers", 5],
          ["Customers", 10],
        ],
      );
      assert.deepStrictEqual(
        c.pool.schemas.map((a) => [a.name, a.attributeDataType]),
        [
          ["customer_tier", "String"],
          ["last_login", "DateTime"],
          ["subscription_status", "String"],
        ],
      );
    }
  });
  it("picks dev only for a stack named dev", () => {
    assert.strictEqual(defaultEnvironment("dev"), "dev");
    assert.strictEqual(defaultEnvironment("prod"), "prod");
    assert.strictEqual(defaultEnvironment("staging"), "prod");
  });
});
