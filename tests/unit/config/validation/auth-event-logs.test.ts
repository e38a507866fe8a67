import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

describe("config/validation/auth-event-logs", () => {
  it("is off in dev; turned on, an ESSENTIALS pool exports notification errors only, 30 days", () => {
    assert.strictEqual(load("dev", {}).authEventLogs, undefined);
    assert.deepStrictEqual(load("dev", { authEventLogs: { enabled: true } }).authEventLogs, {
      logGroupName: "/aws/vendedlogs/cognito/cognito-auth-dev",
      retentionInDays: 30,
      userAuthEvents: false,
    });
  });

  it("exports user authentication events by default on a PLUS pool", () => {
    const m = load("dev", { pool: { userPoolTier: "PLUS" }, authEventLogs: { enabled: true } });
    assert.strictEqual(m.authEventLogs?.userAuthEvents, true);
  });

  it("refuses user authentication events on a pool that is not PLUS, naming the tier", () =>
    assertIssue(
      issuesFor("dev", { authEventLogs: { enabled: true, userAuthEvents: true } }),
      "authEventLogs.userAuthEvents",
      "only from PLUS pools; this pool is ESSENTIALS",
    ));

  it("refuses a retention CloudWatch Logs does not accept", () =>
    assertIssue(
      issuesFor("dev", { authEventLogs: { enabled: true, retentionInDays: 45 } }),
      "authEventLogs.retentionInDays",
      "CloudWatch Logs accepts",
    ));
});
