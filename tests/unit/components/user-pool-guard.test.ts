import * as assert from "node:assert";
import { immutableSignInSettings } from "../../../components/user-pool-guard";
import type { RunResult } from "../../../offline/runner";
import { load, ofType, one, runStack } from "../helpers";

describe("components/user-pool-guard", () => {
  let dev: RunResult;
  let prod: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
  });

  it("creates one marker for the sign-in settings and one per custom attribute", () => {
    for (const run of [dev, prod]) {
      const guards = ofType(run, "random:index/randomId:RandomId").filter((r) => r.name.includes("-guard-"));
      assert.deepStrictEqual(guards.map((g) => g.name.replace(/^.*-guard-/, "")).sort(), [
        "custom-attribute-customer_tier",
        "custom-attribute-last_login",
        "custom-attribute-subscription_status",
        "sign-in-settings",
      ]);
    }
  });

  it("prod protects every marker, so replacing or deleting one fails the preview", () => {
    const guards = ofType(prod, "random:index/randomId:RandomId").filter((r) => r.name.includes("-guard-"));
    assert.ok(guards.length === 4 && guards.every((g) => g.protect));
  });

  it("dev leaves them unprotected by default, so `pulumi destroy` of a dev stack works", () => {
    const guards = ofType(dev, "random:index/randomId:RandomId").filter((r) => r.name.includes("-guard-"));
    assert.ok(guards.length === 4 && guards.every((g) => !g.protect));
  });

  it("the pool depends on its markers", () => {
    const pool = one(dev, "aws:cognito/userPool:UserPool");
    assert.strictEqual(pool.dependsOn.filter((d) => d.includes("-guard-")).length, 4);
  });

  it("keys the sign-in marker on every setting that would replace the pool", () => {
    const keepers = one(prod, "random:index/randomId:RandomId", "-guard-sign-in-settings").inputs.keepers;
    assert.deepStrictEqual(keepers, {
      name: "cognito-auth-prod",
      usernameAttributes: '["email"]',
      aliasAttributes: "[]",
      caseSensitive: "false",
      requiredStandardAttributes: '["email"]',
    });
  });

  it("changes the keepers when a fixed setting changes (so the protected marker would need replacing)", () => {
    const before = immutableSignInSettings(load("dev", {}).pool);
    for (const change of [
      { pool: { usernameConfiguration: { caseSensitive: true } } },
      { pool: { usernameAttributes: ["email", "phone_number"] } },
      { pool: { requiredStandardAttributes: ["email", "given_name"] } },
      { pool: { name: "renamed" } },
    ]) {
      assert.notDeepStrictEqual(immutableSignInSettings(load("dev", change).pool), before, JSON.stringify(change));
    }
    assert.deepStrictEqual(
      immutableSignInSettings(load("dev", { pool: { mfaConfiguration: "ON" } }).pool),
      before,
      "mutable settings do not touch the guard",
    );
  });

  it("lets a dev stack turn the guard on with `pool.replacementGuard`", async () => {
    const run = await runStack("dev", undefined, { "cognito-auth:pool": JSON.stringify({ replacementGuard: true }) });
    const guards = ofType(run, "random:index/randomId:RandomId").filter((r) => r.name.includes("-guard-"));
    assert.strictEqual(guards.length, 4);
    assert.ok(guards.every((g) => g.protect));
  });
});
