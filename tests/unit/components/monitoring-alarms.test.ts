import * as assert from "node:assert";
import { type AlarmTargets, alarmSpecs, QUOTA_CATEGORIES } from "../../../components/monitoring-alarms";
import { resolveMonitoring } from "../../../config/model/monitoring";

const model = (thresholds = {}) => {
  const m = resolveMonitoring({ enabled: true, thresholds }, "t", "prod");
  assert.ok(m);
  return m;
};
const targets = (over: Partial<AlarmTargets> = {}): AlarmTargets => ({
  userPoolId: "us-east-1_Pool",
  clientIds: { web: "web-id", backend: "backend-id" },
  region: "us-east-1",
  threatProtection: false,
  ...over,
});
const keys = (m = model(), t = targets()) => alarmSpecs(m, t).map((s) => s.key);

describe("components/monitoring-alarms", () => {
  it("gives every alarm a unique key", () => {
    const k = keys(model(), targets({ threatProtection: true, webAclName: "acl" }));
    assert.strictEqual(new Set(k).size, k.length);
  });

  it("adds the WAF alarm only with a web ACL and the risk alarm only with threat protection", () => {
    assert.ok(!keys().includes("waf-blocked-requests"));
    assert.ok(!keys().includes("high-risk-sign-ins"));
    const all = keys(model(), targets({ threatProtection: true, webAclName: "acl" }));
    assert.ok(all.includes("waf-blocked-requests"));
    assert.ok(all.includes("high-risk-sign-ins"));
  });

  it("leaves the per-client alarms out for a pool without clients (no metric to sum)", () => {
    assert.deepStrictEqual(
      keys(model(), targets({ clientIds: {} })),
      QUOTA_CATEGORIES.map((c) => `quota-${c.toLowerCase()}`),
    );
  });

  it("turns the sign-in drop alarm off at a minimum of 0", () => {
    assert.ok(keys(model()).includes("sign-in-successes-drop"));
    assert.ok(!keys(model({ minSignInSuccesses: 0 })).includes("sign-in-successes-drop"));
  });

  it("sums over the pool, not per client, so a stack with many clients stays within an alarm's query limits", () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, `id-${i}`]));
    for (const s of alarmSpecs(model(), targets({ clientIds: many })).filter((x) => !x.key.startsWith("quota-")))
      assert.strictEqual(s.metricQueries.length, 1, s.key);
  });

  it("uses the thresholds from the model", () => {
    const specs = alarmSpecs(model({ federationThrottles: 9, quotaUsagePercent: 50 }), targets());
    assert.strictEqual(specs.find((s) => s.key === "federation-throttles")?.threshold, 9);
    assert.ok(specs.filter((s) => s.key.startsWith("quota-")).every((s) => s.threshold === 50));
  });
});
