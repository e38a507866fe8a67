import * as assert from "node:assert";
import { SIGN_IN_PATHS, SIGN_IN_TARGETS, wafRules } from "../../../components/waf";
import type { WafModel } from "../../../config/model";
import { RESOURCE_TYPES as T } from "../../../offline/resource-types";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

interface RuleInput {
  name: string;
  priority: number;
  action?: Record<string, unknown>;
  overrideAction?: Record<string, unknown>;
  visibilityConfig: { cloudwatchMetricsEnabled: boolean; sampledRequestsEnabled: boolean; metricName: string };
  statement: {
    rateBasedStatement?: {
      limit: number;
      evaluationWindowSec: number;
      aggregateKeyType: string;
      scopeDownStatement: { orStatement: { statements: Array<{ byteMatchStatement: { searchString: string } }> } };
    };
    managedRuleGroupStatement?: { vendorName: string; name: string };
  };
}

const model = (over: Partial<WafModel> = {}): WafModel => ({
  name: "cognito-auth-test",
  rateLimit: 300,
  rateLimitWindowSeconds: 300,
  countOnly: false,
  accountTakeoverPrevention: false,
  accountCreationFraudPrevention: false,
  ...over,
});
const groups = (rules: unknown[]) =>
  (rules as RuleInput[]).map((r) => r.statement.managedRuleGroupStatement?.name).filter(Boolean);

describe("components/waf", () => {
  describe("wafRules", () => {
    it("gives every rule a unique priority, also with the opt-in groups", () => {
      const rules = wafRules(
        model({ accountTakeoverPrevention: true, accountCreationFraudPrevention: true }),
      ) as RuleInput[];
      assert.strictEqual(rules.length, 6);
      assert.strictEqual(new Set(rules.map((r) => r.priority)).size, rules.length);
      assert.strictEqual(new Set(rules.map((r) => r.name)).size, rules.length);
    });

    it("runs the rate limit first, then IP reputation, known bad inputs and the common rule set", () => {
      const rules = wafRules(model()) as RuleInput[];
      assert.strictEqual(rules[0].name, "sign-in-rate-limit");
      assert.deepStrictEqual(groups(rules), [
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesCommonRuleSet",
      ]);
    });

    it("adds ATP and ACFP only when opted in (they cost extra)", () => {
      assert.ok(!groups(wafRules(model())).includes("AWSManagedRulesATPRuleSet"));
      const both = groups(wafRules(model({ accountTakeoverPrevention: true, accountCreationFraudPrevention: true })));
      assert.ok(both.includes("AWSManagedRulesATPRuleSet"));
      assert.ok(both.includes("AWSManagedRulesACFPRuleSet"));
    });

    it("rate-limits per IP with the configured limit and window, scoped to sign-in and sign-up", () => {
      const rate = (wafRules(model({ rateLimit: 1234, rateLimitWindowSeconds: 60 })) as RuleInput[])[0].statement
        .rateBasedStatement;
      assert.ok(rate);
      assert.strictEqual(rate.limit, 1234);
      assert.strictEqual(rate.evaluationWindowSec, 60);
      assert.strictEqual(rate.aggregateKeyType, "IP");
      const searched = rate.scopeDownStatement.orStatement.statements.map((s) => s.byteMatchStatement.searchString);
      assert.deepStrictEqual(searched, [...SIGN_IN_TARGETS, ...SIGN_IN_PATHS]);
      assert.ok(searched.includes("AWSCognitoIdentityProviderService.InitiateAuth"));
      assert.ok(searched.includes("AWSCognitoIdentityProviderService.SignUp"));
    });

    it("blocks, or only counts with countOnly", () => {
      const block = wafRules(model()) as RuleInput[];
      assert.deepStrictEqual(block[0].action, { block: {} });
      assert.deepStrictEqual(block[1].overrideAction, { none: {} });
      const count = wafRules(model({ countOnly: true })) as RuleInput[];
      assert.deepStrictEqual(count[0].action, { count: {} });
      assert.ok(count.slice(1).every((r) => JSON.stringify(r.overrideAction) === JSON.stringify({ count: {} })));
    });

    it("turns on metrics and sampled requests for every rule, with distinct metric names", () => {
      const rules = wafRules(model({ accountTakeoverPrevention: true })) as RuleInput[];
      for (const r of rules) {
        assert.strictEqual(r.visibilityConfig.cloudwatchMetricsEnabled, true, r.name);
        assert.strictEqual(r.visibilityConfig.sampledRequestsEnabled, true, r.name);
      }
      assert.strictEqual(new Set(rules.map((r) => r.visibilityConfig.metricName)).size, rules.length);
    });
  });

  describe("prod stack", () => {
    let run: RunResult;
    before(async () => {
      run = await runStack("prod");
    });

    it("creates a REGIONAL web ACL that allows by default, with the prod preset's rate limit", () => {
      const acl = one(run, T.webAcl);
      assert.strictEqual(acl.inputs.scope, "REGIONAL");
      assert.deepStrictEqual(acl.inputs.defaultAction, { allow: {} });
      assert.strictEqual(acl.inputs.name, "cognito-auth-prod");
      const rules = acl.inputs.rules as RuleInput[];
      assert.strictEqual(rules[0].statement.rateBasedStatement?.limit, 300);
      assert.deepStrictEqual(acl.inputs.visibilityConfig, {
        cloudwatchMetricsEnabled: true,
        sampledRequestsEnabled: true,
        metricName: "cognito-auth-prod",
      });
    });

    it("associates the web ACL with this stack's pool", () => {
      const assoc = one(run, T.webAclAssociation);
      assert.strictEqual(assoc.inputs.resourceArn, one(run, T.userPool).state.arn);
      assert.strictEqual(assoc.inputs.webAclArn, one(run, T.webAcl).state.arn);
    });

    it("logs nothing unless waf.logging is set", () => {
      assert.deepStrictEqual(ofType(run, T.webAclLoggingConfiguration), []);
    });
  });

  describe("dev stack with WAF and logging turned on", () => {
    let run: RunResult;
    before(async () => {
      run = await runStack("dev", undefined, {
        "cognito-auth:waf": JSON.stringify({ enabled: true, rateLimit: 50, logging: { retentionInDays: 14 } }),
      });
    });

    it("takes the rate limit from config", () => {
      const rules = one(run, T.webAcl).inputs.rules as RuleInput[];
      assert.strictEqual(rules[0].statement.rateBasedStatement?.limit, 50);
    });

    it("logs to an aws-waf-logs- group with the configured retention, redacting credentials, cookies and the query string", () => {
      const group = one(run, T.logGroup, "waf-log-group");
      assert.strictEqual(group.inputs.name, "aws-waf-logs-cognito-auth-dev");
      assert.strictEqual(group.inputs.retentionInDays, 14);
      const logging = one(run, T.webAclLoggingConfiguration);
      assert.strictEqual(logging.inputs.resourceArn, one(run, T.webAcl).state.arn);
      assert.deepStrictEqual(logging.inputs.logDestinationConfigs, [group.state.arn]);
      assert.deepStrictEqual(logging.inputs.redactedFields, [
        { singleHeader: { name: "authorization" } },
        { singleHeader: { name: "cookie" } },
        { queryString: {} },
      ]);
    });

    it("reports the web ACL and the log group in the operations output", () => {
      const ops = run.outputs.operations as Record<string, string>;
      assert.strictEqual(ops.webAclArn, one(run, T.webAcl).state.arn);
      assert.strictEqual(ops.wafLogGroupName, "aws-waf-logs-cognito-auth-dev");
    });
  });
});
