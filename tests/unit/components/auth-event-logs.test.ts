import * as assert from "node:assert";
import { RESOURCE_TYPES as T } from "../../../offline/resource-types";
import type { RunResult } from "../../../offline/runner";
import { one, runStack } from "../helpers";

interface Statement {
  Effect: string;
  Principal: Record<string, string>;
  Action: string[];
  Resource: string;
  Condition: Record<string, Record<string, string>>;
}

describe("components/auth-event-logs", () => {
  describe("prod (PLUS pool)", () => {
    let run: RunResult;
    before(async () => {
      run = await runStack("prod");
    });

    it("creates the log group with the prod preset's 90-day retention, kept when the stack goes", () => {
      const group = one(run, T.logGroup, "auth-event-logs-log-group");
      assert.strictEqual(group.inputs.name, "/aws/vendedlogs/cognito/cognito-auth-prod");
      assert.strictEqual(group.inputs.retentionInDays, 90);
      assert.strictEqual(group.retainOnDelete, true);
    });

    it("exports notification errors and user authentication events from this pool to that group", () => {
      const group = one(run, T.logGroup, "auth-event-logs-log-group");
      const delivery = one(run, T.logDeliveryConfiguration);
      assert.strictEqual(delivery.inputs.userPoolId, one(run, T.userPool).id);
      const cw = { cloudWatchLogsConfiguration: { logGroupArn: group.state.arn } };
      assert.deepStrictEqual(delivery.inputs.logConfigurations, [
        { eventSource: "userNotification", logLevel: "ERROR", ...cw },
        { eventSource: "userAuthEvents", logLevel: "INFO", ...cw },
      ]);
    });

    it("lets only the log delivery service write, only into this group, only for this account", () => {
      const group = one(run, T.logGroup, "auth-event-logs-log-group");
      const policy = one(run, T.logResourcePolicy);
      const [s, ...rest] = (JSON.parse(String(policy.inputs.policyDocument)) as { Statement: Statement[] }).Statement;
      assert.deepStrictEqual(rest, []);
      assert.strictEqual(s.Effect, "Allow");
      assert.deepStrictEqual(s.Principal, { Service: "delivery.logs.amazonaws.com" });
      assert.deepStrictEqual(s.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
      assert.strictEqual(s.Resource, `${group.state.arn}:log-stream:*`);
      assert.deepStrictEqual(s.Condition, {
        StringEquals: { "aws:SourceAccount": "123456789012" },
        ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:*" },
      });
    });

    it("creates the delivery after the resource policy it needs", () => {
      const delivery = one(run, T.logDeliveryConfiguration);
      const policy = one(run, T.logResourcePolicy);
      assert.ok(delivery.dependsOn.includes(`${policy.type}::${policy.name}`));
    });

    it("reports the log group in the operations output", () => {
      const ops = run.outputs.operations as Record<string, string>;
      assert.strictEqual(ops.authEventLogGroupName, "/aws/vendedlogs/cognito/cognito-auth-prod");
    });
  });

  describe("dev (ESSENTIALS pool) turned on", () => {
    let run: RunResult;
    before(async () => {
      run = await runStack("dev", undefined, { "cognito-auth:authEventLogs": JSON.stringify({ enabled: true }) });
    });

    it("exports only notification errors (auth events need PLUS), kept 30 days", () => {
      const delivery = one(run, T.logDeliveryConfiguration);
      const configs = delivery.inputs.logConfigurations as Array<{ eventSource: string }>;
      assert.deepStrictEqual(
        configs.map((c) => c.eventSource),
        ["userNotification"],
      );
      assert.strictEqual(one(run, T.logGroup, "auth-event-logs-log-group").inputs.retentionInDays, 30);
      assert.strictEqual(one(run, T.logGroup, "auth-event-logs-log-group").retainOnDelete, false);
    });
  });
});
