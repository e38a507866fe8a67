import * as assert from "node:assert";
import { CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeResourcePoliciesCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  GetWebACLForResourceCommand,
  WAFV2Client,
} from "@aws-sdk/client-wafv2";
import { emulatorClientConfig } from "../../emulator/clients";
import { type DeployResult, deployToEmulator } from "../../emulator/deploy";
import { type MotoServer, startMotoServer } from "../../emulator/moto-server";
import { RESOURCE_TYPES } from "../../offline/resource-types";

/**
 * A stack with WAF (and its logging), auth event logs and monitoring deployed into moto, each
 * resource read back from moto: what the emulator hosts must be there with the program's values.
 */
describe("emulator: the operations resources deployed into moto", function () {
  this.timeout(180_000);
  let moto: MotoServer;
  let deployed: DeployResult;
  let wafv2: WAFV2Client;
  let logs: CloudWatchLogsClient;
  let cloudwatch: CloudWatchClient;
  let sns: SNSClient;
  let kms: KMSClient;

  before(async () => {
    moto = await startMotoServer();
    const config = emulatorClientConfig({ endpoint: moto.endpoint });
    wafv2 = new WAFV2Client(config);
    logs = new CloudWatchLogsClient(config);
    cloudwatch = new CloudWatchClient(config);
    sns = new SNSClient(config);
    kms = new KMSClient(config);
    deployed = await deployToEmulator({
      stack: "operations",
      stackDir: "tests/fixtures/operations",
      endpoint: moto.endpoint,
    });
  });
  after(async () => {
    for (const c of [wafv2, logs, cloudwatch, sns, kms]) c?.destroy();
    await moto?.stop();
  });

  const emulatedOf = (type: string) => deployed.emulated.filter((e) => e.type === type);

  it("creates the web ACL with the rate-based and managed rule groups, associated with the moto pool", async () => {
    const arn = deployed.outputs.operations?.webAclArn ?? assert.fail("no webAclArn output");
    const [acl] = emulatedOf(RESOURCE_TYPES.webAcl);
    const name = arn.split("/").at(-2) ?? "";
    const got = (await wafv2.send(new GetWebACLCommand({ Name: name, Scope: "REGIONAL", Id: acl.id }))).WebACL;
    assert.strictEqual(got?.ARN, arn);
    const rules = got?.Rules ?? [];
    const rate = rules.find((r) => r.Name === "sign-in-rate-limit");
    assert.strictEqual(rate?.Statement?.RateBasedStatement?.Limit, 500);
    assert.strictEqual(rate?.Statement?.RateBasedStatement?.AggregateKeyType, "IP");
    assert.ok(rate?.Statement?.RateBasedStatement?.ScopeDownStatement?.OrStatement?.Statements?.length);
    assert.deepStrictEqual(rules.map((r) => r.Statement?.ManagedRuleGroupStatement?.Name).filter(Boolean), [
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesATPRuleSet",
      "AWSManagedRulesACFPRuleSet",
    ]);
    const configOf = (n: string) =>
      rules.find((r) => r.Statement?.ManagedRuleGroupStatement?.Name === n)?.Statement?.ManagedRuleGroupStatement
        ?.ManagedRuleGroupConfigs?.[0];
    assert.strictEqual(configOf("AWSManagedRulesATPRuleSet")?.AWSManagedRulesATPRuleSet?.LoginPath, "/login");
    assert.strictEqual(
      configOf("AWSManagedRulesACFPRuleSet")?.AWSManagedRulesACFPRuleSet?.RequestInspection?.EmailField?.Identifier,
      "email",
    );
    assert.deepStrictEqual(
      rules.map((r) => r.Priority),
      rules.map((_, n) => n),
    );
    assert.strictEqual(rules[0].VisibilityConfig?.CloudWatchMetricsEnabled, true);
    const pool = (await wafv2.send(new GetWebACLForResourceCommand({ ResourceArn: deployed.outputs.userPoolArn })))
      .WebACL;
    assert.strictEqual(pool?.ARN, arn);
    const logging = (await wafv2.send(new GetLoggingConfigurationCommand({ ResourceArn: arn }))).LoggingConfiguration;
    assert.match(logging?.LogDestinationConfigs?.[0] ?? "", /:log-group:aws-waf-logs-/);
  });

  it("creates the log groups with their retention and the delivery resource policy", async () => {
    const groups = (await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
    const retention = (name: string | undefined) => groups.find((g) => g.logGroupName === name)?.retentionInDays;
    const authLogs =
      deployed.outputs.operations?.authEventLogGroupName ?? assert.fail("no authEventLogGroupName output");
    assert.strictEqual(retention(authLogs), 30);
    const waf = groups.find((g) => g.logGroupName?.startsWith("aws-waf-logs-"));
    assert.strictEqual(waf?.retentionInDays, 14);
    const policies = (await logs.send(new DescribeResourcePoliciesCommand({}))).resourcePolicies ?? [];
    assert.ok(
      policies.some((p) => p.policyDocument?.includes(authLogs)),
      "a resource policy names the auth log group",
    );
  });

  it("creates the alarms on this pool's metrics, sending to the topic", async () => {
    const alarms = (await cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? [];
    assert.strictEqual(alarms.length, emulatedOf(RESOURCE_TYPES.metricAlarm).length);
    assert.ok(alarms.length >= 3, `${alarms.length} alarms`);
    const topic = deployed.outputs.operations?.alarmTopicArn ?? assert.fail("no alarmTopicArn output");
    const poolId = deployed.outputs.userPoolId;
    assert.match(poolId, /^us-east-1_/);
    for (const a of alarms) assert.deepStrictEqual(a.AlarmActions, [topic], a.AlarmName);
    // A pool is named by a metric's dimension or in a Metrics Insights query's WHERE clause.
    const poolRefs = alarms.flatMap((a) =>
      (a.Metrics ?? []).flatMap((m) => [
        ...(m.MetricStat?.Metric?.Dimensions ?? [])
          .filter((d) => d.Name === "UserPool" || d.Name === "UserPoolId")
          .map((d) => d.Value),
        ...[...(m.Expression ?? "").matchAll(/\bUserPool(?:Id)? = '([^']*)'/g)].map((x) => x[1]),
      ]),
    );
    assert.ok(poolRefs.length >= 4, `${poolRefs.length} alarm queries name a pool`);
    assert.deepStrictEqual([...new Set(poolRefs)], [poolId], "every alarm names the moto pool");
    const dashboard = await cloudwatch.send(
      new GetDashboardCommand({ DashboardName: emulatedOf(RESOURCE_TYPES.dashboard)[0].id }),
    );
    assert.ok(dashboard.DashboardBody?.includes(poolId), "the dashboard shows this pool");
  });

  it("creates the alarm topic with its policy and the email subscription", async () => {
    const topic = deployed.outputs.operations?.alarmTopicArn ?? assert.fail("no alarmTopicArn output");
    const attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn: topic }))).Attributes ?? {};
    const policy = JSON.parse(attributes.Policy ?? "{}");
    assert.ok(JSON.stringify(policy).includes("cloudwatch.amazonaws.com"), "the topic policy lets CloudWatch publish");
    const [key] = emulatedOf(RESOURCE_TYPES.kmsKey);
    assert.strictEqual(attributes.KmsMasterKeyId, `arn:aws:kms:us-east-1:123456789012:key/${key.id}`);
    const rotation = await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.id }));
    assert.strictEqual(rotation.KeyRotationEnabled, true);
    const subs = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topic }))).Subscriptions ?? [];
    assert.deepStrictEqual(
      subs.map((s) => [s.Protocol, s.Endpoint]),
      [["email", "oncall@example.com"]],
    );
  });

  it("lists the rest as not emulated, with the reason", () => {
    const types = new Set(deployed.notEmulated.map((n) => n.type));
    assert.ok(types.has(RESOURCE_TYPES.logDeliveryConfiguration));
    for (const t of [
      RESOURCE_TYPES.webAcl,
      RESOURCE_TYPES.webAclAssociation,
      RESOURCE_TYPES.webAclLoggingConfiguration,
      RESOURCE_TYPES.logGroup,
      RESOURCE_TYPES.logResourcePolicy,
      RESOURCE_TYPES.metricAlarm,
      RESOURCE_TYPES.dashboard,
      RESOURCE_TYPES.snsTopic,
      RESOURCE_TYPES.snsTopicPolicy,
      RESOURCE_TYPES.snsTopicSubscription,
      RESOURCE_TYPES.kmsKey,
    ]) {
      assert.ok(!types.has(t), `${t} is emulated`);
      assert.ok(emulatedOf(t).length > 0, `${t} was created`);
    }
  });
});
