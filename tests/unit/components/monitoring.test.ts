import * as assert from "node:assert";
import type { RecordedResource } from "../../../offline/recorded-resource";
import { RESOURCE_TYPES as T } from "../../../offline/resource-types";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

interface Statement {
  Sid: string;
  Principal: Record<string, string>;
  Action: string | string[];
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}
interface Query {
  id: string;
  expression?: string;
  period?: number;
  returnData?: boolean;
  metric?: { namespace: string; metricName: string; dimensions: Record<string, string> };
}
const statements = (json: unknown): Statement[] => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;
const alarm = (run: RunResult, key: string): RecordedResource => one(run, T.metricAlarm, `-monitoring-${key}`);
const queries = (a: RecordedResource): Query[] => a.inputs.metricQueries as Query[];

describe("components/monitoring", () => {
  let run: RunResult;
  before(async () => {
    run = await runStack("prod");
  });

  it("encrypts the topic with its own rotating key that CloudWatch may use only for this account", () => {
    const key = one(run, T.kmsKey, "monitoring-topic-key");
    assert.strictEqual(key.inputs.enableKeyRotation, true);
    assert.notStrictEqual(key.inputs.multiRegion, true);
    assert.strictEqual(one(run, T.snsTopic).inputs.kmsMasterKeyId, key.state.arn);
    const [admin, cw, ...rest] = statements(key.inputs.policy);
    assert.deepStrictEqual(rest, []);
    assert.deepStrictEqual(admin.Principal, { AWS: "arn:aws:iam::123456789012:root" });
    assert.deepStrictEqual(cw.Principal, { Service: "cloudwatch.amazonaws.com" });
    assert.deepStrictEqual(cw.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
    assert.deepStrictEqual(cw.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
  });

  it("lets CloudWatch publish to the topic only, only for this account's alarms", () => {
    const topic = one(run, T.snsTopic);
    const policy = one(run, T.snsTopicPolicy);
    assert.strictEqual(policy.inputs.arn, topic.state.arn);
    const [s, ...rest] = statements(policy.inputs.policy);
    assert.deepStrictEqual(rest, []);
    assert.deepStrictEqual(s.Principal, { Service: "cloudwatch.amazonaws.com" });
    assert.strictEqual(s.Action, "sns:Publish");
    assert.strictEqual(s.Resource, topic.state.arn);
    assert.deepStrictEqual(s.Condition, {
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:*" },
    });
  });

  it("creates the prod alarms, each notifying the topic on alarm and on recovery", () => {
    const alarms = ofType(run, T.metricAlarm);
    const keys = alarms.map((a) => a.name.replace("cognito-monitoring-", "")).sort();
    assert.deepStrictEqual(keys, [
      "federation-throttles",
      "high-risk-sign-ins",
      "quota-useraccountrecovery",
      "quota-userauthentication",
      "quota-usercreation",
      "quota-userfederation",
      "sign-in-successes-drop",
      "sign-in-throttles",
      "sign-up-throttles",
      "token-refresh-throttles",
      "waf-blocked-requests",
    ]);
    const topic = one(run, T.snsTopic).state.arn;
    for (const a of alarms) {
      assert.deepStrictEqual(a.inputs.alarmActions, [topic], a.name);
      assert.deepStrictEqual(a.inputs.okActions, [topic], a.name);
      assert.strictEqual(new Set(queries(a).map((q) => q.id)).size, queries(a).length, a.name);
      assert.strictEqual(queries(a).filter((q) => q.returnData).length, 1, a.name);
    }
  });

  it("sums each throttle metric over this pool with one Metrics Insights query, federation by provider too", () => {
    const poolId = one(run, T.userPool).id;
    const expected = {
      "sign-in-throttles": `SELECT SUM(SignInThrottles) FROM SCHEMA("AWS/Cognito", UserPool, UserPoolClient) WHERE UserPool = '${poolId}'`,
      "sign-up-throttles": `SELECT SUM(SignUpThrottles) FROM SCHEMA("AWS/Cognito", UserPool, UserPoolClient) WHERE UserPool = '${poolId}'`,
      "token-refresh-throttles": `SELECT SUM(TokenRefreshThrottles) FROM SCHEMA("AWS/Cognito", UserPool, UserPoolClient) WHERE UserPool = '${poolId}'`,
      "federation-throttles": `SELECT SUM(FederationThrottles) FROM SCHEMA("AWS/Cognito", IdentityProvider, UserPool, UserPoolClient) WHERE UserPool = '${poolId}'`,
    };
    for (const [key, sql] of Object.entries(expected)) {
      const q = queries(alarm(run, key));
      assert.deepStrictEqual(
        q.map((x) => [x.expression, x.period, x.returnData]),
        [[sql, 300, true]],
        key,
      );
      assert.strictEqual(alarm(run, key).inputs.threshold, 1);
      assert.strictEqual(alarm(run, key).inputs.treatMissingData, "notBreaching");
    }
  });

  it("alarms when sign-ins drop below the minimum, counting silence as breaching", () => {
    const a = alarm(run, "sign-in-successes-drop");
    assert.strictEqual(a.inputs.comparisonOperator, "LessThanThreshold");
    assert.strictEqual(a.inputs.threshold, 1);
    assert.strictEqual(a.inputs.treatMissingData, "breaching");
    assert.match(
      String(queries(a)[0].expression),
      /^SELECT SUM\(SignInSuccesses\) FROM SCHEMA\("AWS\/Cognito", UserPool, UserPoolClient\)/,
    );
  });

  it("watches this web ACL's blocked requests and this pool's high-risk sign-ins", () => {
    const waf = queries(alarm(run, "waf-blocked-requests"))[0].metric;
    assert.deepStrictEqual(waf?.dimensions, { WebACL: "cognito-auth-prod", Region: "us-east-1", Rule: "ALL" });
    assert.strictEqual(waf?.namespace, "AWS/WAFV2");
    const risk = queries(alarm(run, "high-risk-sign-ins"))[0].metric;
    assert.strictEqual(risk?.dimensions.UserPoolId, one(run, T.userPool).id);
  });

  it("measures the Cognito quota usage as a percentage of SERVICE_QUOTA", () => {
    const q = queries(alarm(run, "quota-userauthentication"));
    assert.deepStrictEqual(q[0].metric?.dimensions, {
      Service: "Cognito User Pools",
      Type: "API",
      Resource: "UserAuthentication",
      Class: "None",
    });
    assert.match(String(q[1].expression), /SERVICE_QUOTA\(calls\)/);
    assert.strictEqual(alarm(run, "quota-userauthentication").inputs.threshold, 80);
  });

  it("builds one dashboard whose widgets name this pool, and outputs its URL and the topic", () => {
    const dash = one(run, T.dashboard);
    assert.strictEqual(dash.inputs.dashboardName, "cognito-auth-prod");
    const body = String(dash.inputs.dashboardBody);
    assert.ok(body.includes(String(one(run, T.userPool).id)));
    const widgets = (JSON.parse(body) as { widgets: Array<{ properties: { title: string } }> }).widgets;
    assert.strictEqual(widgets.length, 7);
    const ops = run.outputs.operations as Record<string, string>;
    assert.strictEqual(
      ops.dashboardUrl,
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/cognito-auth-prod",
    );
    assert.strictEqual(ops.alarmTopicArn, one(run, T.snsTopic).state.arn);
  });

  describe("dev turned on with emails and thresholds", () => {
    let dev: RunResult;
    before(async () => {
      dev = await runStack("dev", undefined, {
        "cognito-auth:monitoring": JSON.stringify({
          enabled: true,
          alarmEmails: ["ops@example.com", "oncall@example.com"],
          thresholds: { signInThrottles: 7 },
        }),
      });
    });

    it("subscribes each address by email", () => {
      const subs = ofType(dev, T.snsTopicSubscription);
      assert.deepStrictEqual(
        subs.map((s) => [s.inputs.protocol, s.inputs.endpoint]),
        [
          ["email", "ops@example.com"],
          ["email", "oncall@example.com"],
        ],
      );
      assert.ok(subs.every((s) => s.inputs.topic === one(dev, T.snsTopic).state.arn));
    });

    it("takes thresholds from config; without WAF or threat protection those alarms are left out", () => {
      assert.strictEqual(alarm(dev, "sign-in-throttles").inputs.threshold, 7);
      const names = ofType(dev, T.metricAlarm).map((a) => a.name);
      assert.ok(!names.some((n) => n.endsWith("waf-blocked-requests")));
      assert.ok(!names.some((n) => n.endsWith("high-risk-sign-ins")));
      assert.ok(!names.some((n) => n.endsWith("sign-in-successes-drop")), "dev's default minimum is 0: no drop alarm");
    });
  });

  it("dev creates none of WAF, logs, alarms, topic or dashboard by default", async () => {
    const plain = await runStack("dev");
    for (const t of [
      T.webAcl,
      T.webAclAssociation,
      T.logDeliveryConfiguration,
      T.metricAlarm,
      T.snsTopic,
      T.dashboard,
      T.kmsKey,
    ])
      assert.deepStrictEqual(ofType(plain, t), [], t);
    // dev's trigger functions and API have log groups of their own; none for WAF or Cognito's log export.
    const groups = ofType(plain, T.logGroup).map((g) => String(g.inputs.name));
    assert.deepStrictEqual(
      groups.filter((n) => n.startsWith("aws-waf-logs-") || n.startsWith("/aws/vendedlogs/")),
      [],
    );
    assert.strictEqual(plain.outputs.operations, undefined);
  });
});
