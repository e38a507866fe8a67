import * as assert from "node:assert";
import { load } from "../../helpers";

describe("config/model", () => {
  it("orders groups by precedence and names resource servers by key unless named", () => {
    const m = load("dev", {
      resourceServers: {
        orders: { identifier: "https://orders", scopes: [{ scopeName: "r", scopeDescription: "Read" }] },
      },
    });
    assert.deepStrictEqual(m.groupsByPrecedence, [
      ["Administrators", 1],
      ["PremiumCustomers", 5],
      ["Customers", 10],
    ]);
    assert.deepStrictEqual([m.resourceServers.api.name, m.resourceServers.orders.name], ["API", "orders"]);
  });

  it("carries the stack, region and environment with the secret-path lookup", () => {
    const m = load("dev", {});
    assert.deepStrictEqual([m.stack, m.region, m.environment], ["dev", "us-east-1", "dev"]);
    assert.strictEqual(m.isSecret("pool.name"), false);
  });
});
