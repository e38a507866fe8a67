import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

describe("config/validation/monitoring", () => {
  it("is off in dev; turned on, it has dev defaults (no sign-in drop alarm)", () => {
    assert.strictEqual(load("dev", {}).monitoring, undefined);
    const m = load("dev", { monitoring: { enabled: true } }).monitoring;
    assert.strictEqual(m?.thresholds.minSignInSuccesses, 0);
    assert.strictEqual(m?.thresholds.signInThrottles, 1);
    assert.strictEqual(m?.periodSeconds, 300);
    assert.deepStrictEqual(m?.alarmEmails, []);
  });

  it("refuses an alarm on WAF without WAF", () =>
    assertIssue(
      issuesFor("dev", { monitoring: { enabled: true, thresholds: { wafBlockedRequests: 10 } } }),
      "monitoring.thresholds.wafBlockedRequests",
      "waf.enabled: true",
    ));

  it("refuses a high-risk threshold without threat protection", () =>
    assertIssue(
      issuesFor("dev", { monitoring: { enabled: true, thresholds: { highRiskSignIns: 3 } } }),
      "monitoring.thresholds.highRiskSignIns",
      "threat protection",
    ));

  it("refuses an address that is not an email, and emails with monitoring off", () => {
    assert.ok(
      issuesFor("dev", { monitoring: { enabled: true, alarmEmails: ["not-an-email"] } }).some(
        (i) => i.path === "monitoring.alarmEmails[0]",
      ),
    );
    assertIssue(
      issuesFor("dev", { monitoring: { enabled: false, alarmEmails: ["ops@example.com"] } }),
      "monitoring.alarmEmails",
      "monitoring.enabled: true",
    );
  });

  it("refuses a period that is not a multiple of 60", () =>
    assert.ok(
      issuesFor("dev", { monitoring: { enabled: true, periodSeconds: 90 } }).some(
        (i) => i.path === "monitoring.periodSeconds",
      ),
    ));
});
