import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { MonitoringModel } from "../config/model";

type Query = aws.types.input.cloudwatch.MetricAlarmMetricQuery;

/** What every alarm of the stack watches; ids are Pulumi inputs so the alarms follow the pool and clients. */
export interface AlarmTargets {
  userPoolId: pulumi.Input<string>;
  /** App client ids by config key: Cognito publishes sign-in metrics per pool and client. */
  clientIds: Record<string, pulumi.Input<string>>;
  /** The web ACL's name; absent when WAF is off. */
  webAclName?: string;
  region: string;
  /** Threat protection on (AUDIT or ENFORCED): Cognito then publishes risk metrics. */
  threatProtection: boolean;
}

/** One alarm's settings, before the topic is attached. */
export interface AlarmSpec {
  /** Resource name suffix and alarm name suffix. */
  key: string;
  description: string;
  comparisonOperator: "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
  threshold: number;
  /** Missing data counts as breaching only where silence is the symptom (no sign-ins at all). */
  treatMissingData: "breaching" | "notBreaching";
  metricQueries: Query[];
}

/** The pool's four throttle metrics, with the threshold key each uses. */
export const THROTTLE_METRICS = [
  ["SignInThrottles", "signInThrottles", "sign-in-throttles"],
  ["SignUpThrottles", "signUpThrottles", "sign-up-throttles"],
  ["TokenRefreshThrottles", "tokenRefreshThrottles", "token-refresh-throttles"],
  ["FederationThrottles", "federationThrottles", "federation-throttles"],
] as const;

/** Cognito request-rate quota categories (AWS/Usage `Resource`) whose exhaustion stops sign-ins or sign-ups. */
export const QUOTA_CATEGORIES = [
  "UserAuthentication",
  "UserCreation",
  "UserFederation",
  "UserAccountRecovery",
] as const;

/**
 * A metric summed over the whole pool as one Metrics Insights query. Cognito publishes these per
 * `UserPool` and `UserPoolClient` (federation also per `IdentityProvider`), and CloudWatch matches
 * the exact dimension set: one query per client would miss federation's provider dimension and run
 * into the cap on metrics per metric-math alarm once a stack has many clients.
 */
export function poolSumQuery(metricName: string, userPoolId: pulumi.Input<string>): pulumi.Output<string> {
  const schema = metricName.startsWith("Federation")
    ? '"AWS/Cognito", IdentityProvider, UserPool, UserPoolClient'
    : '"AWS/Cognito", UserPool, UserPoolClient';
  return pulumi.interpolate`SELECT SUM(${metricName}) FROM SCHEMA(${schema}) WHERE UserPool = '${userPoolId}'`;
}

function poolSum(metricName: string, m: MonitoringModel, t: AlarmTargets): Query[] {
  return [
    {
      id: "total",
      label: `${metricName} (all clients)`,
      expression: poolSumQuery(metricName, t.userPoolId),
      period: m.periodSeconds,
      returnData: true,
    },
  ];
}

/** Every alarm the stack creates, from the model's thresholds; a threshold of 0 turns off the sign-in drop alarm. */
export function alarmSpecs(m: MonitoringModel, t: AlarmTargets): AlarmSpec[] {
  const th = m.thresholds;
  const specs: AlarmSpec[] = [];
  const hasClients = Object.keys(t.clientIds).length > 0;
  if (hasClients) {
    for (const [metric, key, suffix] of THROTTLE_METRICS)
      specs.push({
        key: suffix,
        description: `Cognito throttled requests (${metric}) on this user pool: callers are over the pool's request-rate quota`,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        threshold: th[key],
        treatMissingData: "notBreaching",
        metricQueries: poolSum(metric, m, t),
      });
    if (th.minSignInSuccesses > 0)
      specs.push({
        key: "sign-in-successes-drop",
        description: "Successful sign-ins (SignInSuccesses) fell below the expected minimum: sign-in may be broken",
        comparisonOperator: "LessThanThreshold",
        threshold: th.minSignInSuccesses,
        treatMissingData: "breaching",
        metricQueries: poolSum("SignInSuccesses", m, t),
      });
  }
  if (t.threatProtection)
    specs.push({
      key: "high-risk-sign-ins",
      description: "Threat protection rated sign-ins as high risk (account takeover attempts)",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: th.highRiskSignIns,
      treatMissingData: "notBreaching",
      metricQueries: [
        {
          id: "risk",
          returnData: true,
          metric: {
            namespace: "AWS/Cognito",
            metricName: "AccountTakeOverRisk",
            period: m.periodSeconds,
            stat: "Sum",
            dimensions: { UserPoolId: t.userPoolId, Operation: "SignIn", RiskLevel: "High" },
          },
        },
      ],
    });
  if (t.webAclName)
    specs.push({
      key: "waf-blocked-requests",
      description:
        "The web ACL in front of the user pool blocked many requests: an attack, or a rule blocking real users",
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: th.wafBlockedRequests,
      treatMissingData: "notBreaching",
      metricQueries: [
        {
          id: "blocked",
          returnData: true,
          metric: {
            namespace: "AWS/WAFV2",
            metricName: "BlockedRequests",
            period: m.periodSeconds,
            stat: "Sum",
            dimensions: { WebACL: t.webAclName, Region: t.region, Rule: "ALL" },
          },
        },
      ],
    });
  for (const category of QUOTA_CATEGORIES)
    specs.push({
      key: `quota-${category.toLowerCase()}`,
      description: `The account used over ${th.quotaUsagePercent}% of its Cognito ${category} request-rate quota (shared by every pool in the account and region)`,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: th.quotaUsagePercent,
      treatMissingData: "notBreaching",
      metricQueries: [
        {
          id: "calls",
          returnData: false,
          metric: {
            namespace: "AWS/Usage",
            metricName: "CallCount",
            period: m.periodSeconds,
            stat: "Sum",
            dimensions: { Service: "Cognito User Pools", Type: "API", Resource: category, Class: "None" },
          },
        },
        {
          id: "usage",
          label: `${category} quota used (%)`,
          // CallCount is a sum per period; the quota is per second.
          expression: "100 * (calls / PERIOD(calls)) / SERVICE_QUOTA(calls)",
          returnData: true,
        },
      ],
    });
  return specs;
}
