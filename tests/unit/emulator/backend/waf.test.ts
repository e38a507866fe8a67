import * as assert from "node:assert";
import { SIGN_IN_PATHS, SIGN_IN_TARGETS, wafRules } from "../../../../components/waf";
import type { WafModel } from "../../../../config/model";
import {
  type WebAclInputs,
  wafApiShape,
  webAclAssociationCommand,
  webAclCommand,
  webAclLoggingCommand,
} from "../../../../emulator/backend/waf";

const visibility = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "acl" };

describe("emulator/backend/waf", () => {
  it("maps the provider's statements to the API's names, including the renamed ones", () => {
    assert.deepStrictEqual(
      wafApiShape({
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: "AWSManagedRulesATPRuleSet",
          managedRuleGroupConfigs: [{ awsManagedRulesAtpRuleSet: { loginPath: "/login" } }],
        },
        visibilityConfig: visibility,
        unset: undefined,
      }),
      {
        ManagedRuleGroupStatement: {
          VendorName: "AWS",
          Name: "AWSManagedRulesATPRuleSet",
          ManagedRuleGroupConfigs: [{ AWSManagedRulesATPRuleSet: { LoginPath: "/login" } }],
        },
        VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: "acl" },
      },
    );
  });

  it("maps the program's rate-based rule with its scope-down statement and its managed groups", () => {
    const waf = {
      name: "cognito-auth-dev",
      rateLimit: 300,
      rateLimitWindowSeconds: 300,
      countOnly: false,
    } as WafModel;
    const cmd = webAclCommand(
      {
        scope: "REGIONAL",
        defaultAction: { allow: {} }, // The program's rules hold plain values only: resolved, they are the same objects.
        rules: wafRules(waf) as WebAclInputs["rules"],
        visibilityConfig: visibility,
      },
      "cognito-auth-dev",
    );
    assert.strictEqual(cmd.Name, "cognito-auth-dev");
    assert.deepStrictEqual(cmd.DefaultAction, { Allow: {} });
    const rate = cmd.Rules?.[0];
    assert.deepStrictEqual(rate?.Action, { Block: {} });
    assert.strictEqual(rate?.Statement?.RateBasedStatement?.Limit, 300);
    assert.strictEqual(rate?.Statement?.RateBasedStatement?.EvaluationWindowSec, 300);
    assert.strictEqual(
      rate?.Statement?.RateBasedStatement?.ScopeDownStatement?.OrStatement?.Statements?.length,
      SIGN_IN_TARGETS.length + SIGN_IN_PATHS.length,
    );
    const first = rate?.Statement?.RateBasedStatement?.ScopeDownStatement?.OrStatement?.Statements?.[0];
    assert.deepStrictEqual(first?.ByteMatchStatement?.FieldToMatch, { SingleHeader: { Name: "x-amz-target" } });
    assert.deepStrictEqual(cmd.Rules?.[1]?.OverrideAction, { None: {} });
    assert.deepStrictEqual(
      cmd.Rules?.map((r) => r.Priority),
      [0, 1, 2, 3],
    );
  });

  it("takes ruleJson as it is and refuses it next to rules", () => {
    const rules = [{ Name: "r", Priority: 0, Statement: {}, VisibilityConfig: {} }];
    const base = { scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: visibility };
    assert.deepStrictEqual(webAclCommand({ ...base, ruleJson: JSON.stringify(rules) }, "a").Rules, rules);
    assert.throws(
      () =>
        webAclCommand(
          { ...base, ruleJson: "[]", rules: [{ name: "r", priority: 0, statement: {}, visibilityConfig: visibility }] },
          "a",
        ),
      /exclusive/,
    );
    assert.throws(() => webAclCommand({ ...base, scope: "GLOBAL" }, "a"), /scope/);
  });

  it("maps the association and the logging configuration", () => {
    assert.deepStrictEqual(webAclAssociationCommand({ webAclArn: "arn:acl", resourceArn: "arn:pool" }), {
      WebACLArn: "arn:acl",
      ResourceArn: "arn:pool",
    });
    assert.deepStrictEqual(
      webAclLoggingCommand({
        resourceArn: "arn:acl",
        logDestinationConfigs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"],
        redactedFields: [{ singleHeader: { name: "authorization" } }],
      }),
      {
        LoggingConfiguration: {
          ResourceArn: "arn:acl",
          LogDestinationConfigs: ["arn:aws:logs:us-east-1:1:log-group:aws-waf-logs-x"],
          RedactedFields: [{ SingleHeader: { Name: "authorization" } }],
        },
      },
    );
    assert.throws(
      () => webAclLoggingCommand({ resourceArn: "arn:acl", logDestinationConfigs: [] }),
      /logDestinationConfigs/,
    );
  });
});
