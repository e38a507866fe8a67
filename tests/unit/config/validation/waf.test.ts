import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

describe("config/validation/waf", () => {
  it("leaves WAF off in dev and resolves the defaults when turned on", () => {
    assert.strictEqual(load("dev", {}).waf, undefined);
    const w = load("dev", { waf: { enabled: true } }).waf;
    assert.deepStrictEqual(w, {
      name: "cognito-auth-dev",
      rateLimit: 300,
      rateLimitWindowSeconds: 300,
      countOnly: false,
      accountTakeoverPrevention: false,
      accountCreationFraudPrevention: false,
      logging: undefined,
    });
  });

  it("names the log group aws-waf-logs-<name>, as WAF requires", () => {
    const w = load("dev", { waf: { enabled: true, logging: {} } }).waf;
    assert.deepStrictEqual(w?.logging, { logGroupName: "aws-waf-logs-cognito-auth-dev", retentionInDays: 30 });
  });

  it("refuses a retention CloudWatch Logs does not accept", () =>
    assertIssue(
      issuesFor("dev", { waf: { enabled: true, logging: { retentionInDays: 10 } } }),
      "waf.logging.retentionInDays",
      "CloudWatch Logs accepts",
    ));

  it("refuses a rate limit below WAF's minimum and a window WAF does not offer", () => {
    const issues = issuesFor("dev", { waf: { enabled: true, rateLimit: 5, rateLimitWindowSeconds: 30 } });
    assert.ok(issues.some((i) => i.path === "waf.rateLimit"));
    assert.ok(issues.some((i) => i.path === "waf.rateLimitWindowSeconds"));
  });

  it("refuses opt-in rule groups and logging with WAF off", () => {
    const issues = issuesFor("dev", { waf: { enabled: false, accountTakeoverPrevention: true, logging: {} } });
    assertIssue(issues, "waf.accountTakeoverPrevention", "waf.enabled: true");
    assertIssue(issues, "waf.logging", "waf.enabled: true");
  });
});
