import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { MonitoringModel } from "../config/model";
import { dashboardBody, dashboardUrl } from "./dashboard";
import { type AlarmTargets, alarmSpecs } from "./monitoring-alarms";
import { accountAdministersKey, serviceGrant } from "./policy-statements";
import { applyTransform, type Transform } from "./transform";

export interface MonitoringArgs {
  monitoring: MonitoringModel;
  targets: AlarmTargets;
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    key?: Transform<aws.kms.KeyArgs>;
    topic?: Transform<aws.sns.TopicArgs>;
    topicPolicy?: Transform<aws.sns.TopicPolicyArgs>;
    /** Applied to each email subscription; the resource name ends with its index. */
    subscription?: Transform<aws.sns.TopicSubscriptionArgs>;
    /** Applied to each alarm; the resource name ends with the alarm's key. */
    alarm?: Transform<aws.cloudwatch.MetricAlarmArgs>;
    dashboard?: Transform<aws.cloudwatch.DashboardArgs>;
  };
}

/**
 * The topic key's policy: the account administers it (KMS's default statement, without which IAM
 * could not manage the key), and CloudWatch may use it only to publish this account's alarms to
 * the encrypted topic.
 */
export function topicKeyPolicy(account: pulumi.Input<string>, partition: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      accountAdministersKey(account, partition),
      serviceGrant({
        sid: "CloudWatchPublishesAlarms",
        service: "cloudwatch.amazonaws.com",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resource: "*",
        account,
      }),
    ],
  });
}

/** The topic policy: CloudWatch may publish, only for alarms of this account and region. */
export function topicPolicy(
  topicArn: pulumi.Input<string>,
  account: pulumi.Input<string>,
  region: pulumi.Input<string>,
  partition: pulumi.Input<string>,
): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      serviceGrant({
        sid: "CloudWatchAlarmsPublish",
        service: "cloudwatch.amazonaws.com",
        actions: "sns:Publish",
        resource: topicArn,
        account,
        sourceArn: pulumi.interpolate`arn:${partition}:cloudwatch:${region}:${account}:alarm:*`,
      }),
    ],
  });
}

/** Alarms on the pool, its WAF and the account's Cognito quota, an encrypted topic they notify, and one dashboard. */
export class Monitoring extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;
  readonly topic: aws.sns.Topic;
  readonly topicPolicy: aws.sns.TopicPolicy;
  readonly subscriptions: aws.sns.TopicSubscription[] = [];
  /** By alarm key. */
  readonly alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
  readonly dashboard: aws.cloudwatch.Dashboard;
  readonly dashboardUrl: pulumi.Output<string>;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:Monitoring", name, {}, opts);
    const m = args.monitoring;
    const t = args.transform ?? {};
    const parent = { parent: this };
    const account = aws.getCallerIdentityOutput({}, parent).accountId;
    const partition = aws.getPartitionOutput({}, parent).partition;

    this.key = new aws.kms.Key(
      ...applyTransform(
        t.key,
        `${name}-topic-key`,
        {
          description: "Encrypts the Cognito alarm topic",
          enableKeyRotation: true,
          deletionWindowInDays: 7,
          policy: topicKeyPolicy(account, partition),
          tags: args.tags,
        },
        { parent: this },
      ),
    );
    this.topic = new aws.sns.Topic(
      ...applyTransform(
        t.topic,
        `${name}-alarms`,
        { name: `${m.name}-alarms`, kmsMasterKeyId: this.key.arn, tags: args.tags },
        { parent: this },
      ),
    );
    this.topicPolicy = new aws.sns.TopicPolicy(
      ...applyTransform(
        t.topicPolicy,
        `${name}-alarms-policy`,
        { arn: this.topic.arn, policy: topicPolicy(this.topic.arn, account, args.targets.region, partition) },
        { parent: this },
      ),
    );
    m.alarmEmails.forEach((email, i) => {
      this.subscriptions.push(
        new aws.sns.TopicSubscription(
          ...applyTransform(
            t.subscription,
            `${name}-alarms-email-${i}`,
            { topic: this.topic.arn, protocol: "email", endpoint: email },
            { parent: this },
          ),
        ),
      );
    });
    for (const spec of alarmSpecs(m, args.targets)) {
      this.alarms[spec.key] = new aws.cloudwatch.MetricAlarm(
        ...applyTransform(
          t.alarm,
          `${name}-${spec.key}`,
          {
            name: `${m.name}-${spec.key}`,
            alarmDescription: spec.description,
            comparisonOperator: spec.comparisonOperator,
            threshold: spec.threshold,
            evaluationPeriods: m.evaluationPeriods,
            treatMissingData: spec.treatMissingData,
            metricQueries: spec.metricQueries,
            alarmActions: [this.topic.arn],
            okActions: [this.topic.arn],
            tags: args.tags,
          },
          { parent: this, dependsOn: [this.topicPolicy] },
        ),
      );
    }
    this.dashboard = new aws.cloudwatch.Dashboard(
      ...applyTransform(
        t.dashboard,
        `${name}-dashboard`,
        { dashboardName: m.name, dashboardBody: dashboardBody(args.targets, m.periodSeconds) },
        { parent: this },
      ),
    );
    this.dashboardUrl = dashboardUrl(args.targets.region, this.dashboard.dashboardName);
    this.registerOutputs({ topicArn: this.topic.arn, dashboardUrl: this.dashboardUrl });
  }
}
