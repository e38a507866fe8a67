import * as pulumi from "@pulumi/pulumi";
import { type AlarmTargets, poolSumQuery, QUOTA_CATEGORIES, THROTTLE_METRICS } from "./monitoring-alarms";

type MetricRow = Array<pulumi.Input<string> | Record<string, pulumi.Input<string>>>;

interface Widget {
  type: "metric";
  x: number;
  y: number;
  width: number;
  height: number;
  properties: {
    title: string;
    region: string;
    view: "timeSeries";
    stat: "Sum";
    period: number;
    metrics: MetricRow[];
  };
}

/** The console address of a dashboard. */
export const dashboardUrl = (region: string, name: pulumi.Input<string>): pulumi.Output<string> =>
  pulumi.interpolate`https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${name}`;

/**
 * The dashboard's widgets, top to bottom: sign-ins (successes against throttles), sign-ups, token
 * refreshes and federation per client; threat protection's risk; the WAF's allowed and blocked
 * requests; the account's Cognito quota usage. README "Reading the dashboard" explains each.
 */
export function dashboardWidgets(t: AlarmTargets, periodSeconds: number): Widget[] {
  const widgets: Widget[] = [];
  const add = (title: string, metrics: MetricRow[]) => {
    const i = widgets.length;
    widgets.push({
      type: "metric",
      x: (i % 2) * 12,
      y: Math.floor(i / 2) * 6,
      width: 12,
      height: 6,
      properties: { title, region: t.region, view: "timeSeries", stat: "Sum", period: periodSeconds, metrics },
    });
  };
  const perClient = (metric: string): MetricRow[] =>
    Object.entries(t.clientIds).map(([key, id]) => [
      "AWS/Cognito",
      metric,
      "UserPool",
      t.userPoolId,
      "UserPoolClient",
      id,
      { label: `${metric} ${key}` },
    ]);
  add("Sign-ins: successes and throttles", [...perClient("SignInSuccesses"), ...perClient("SignInThrottles")]);
  add("Sign-ups: successes and throttles", [...perClient("SignUpSuccesses"), ...perClient("SignUpThrottles")]);
  add("Token refreshes: successes and throttles", [
    ...perClient("TokenRefreshSuccesses"),
    ...perClient("TokenRefreshThrottles"),
  ]);
  // Federation metrics carry an IdentityProvider dimension too: a per-client row would stay empty.
  add(
    "Federation: successes and throttles",
    ["FederationSuccesses", THROTTLE_METRICS[3][0]].map((metric, i) => [
      { expression: poolSumQuery(metric, t.userPoolId), label: metric, id: `federation${i}` },
    ]),
  );
  if (t.threatProtection)
    add(
      "Threat protection: high-risk sign-ins",
      ["AccountTakeOverRisk", "CompromisedCredentialRisk"].map((metric) => [
        "AWS/Cognito",
        metric,
        "UserPoolId",
        t.userPoolId,
        "Operation",
        "SignIn",
        "RiskLevel",
        "High",
      ]),
    );
  if (t.webAclName) {
    const acl = t.webAclName;
    add(
      "WAF: allowed and blocked requests",
      ["AllowedRequests", "BlockedRequests"].map((metric) => [
        "AWS/WAFV2",
        metric,
        "WebACL",
        acl,
        "Region",
        t.region,
        "Rule",
        "ALL",
      ]),
    );
  }
  add(
    "Account Cognito request rate (calls per period; quota is per second)",
    QUOTA_CATEGORIES.map((c) => [
      "AWS/Usage",
      "CallCount",
      "Service",
      "Cognito User Pools",
      "Type",
      "API",
      "Resource",
      c,
      "Class",
      "None",
    ]),
  );
  return widgets;
}

/** The dashboard body CloudWatch takes (JSON); outputs inside (pool and client ids) resolve first. */
export const dashboardBody = (t: AlarmTargets, periodSeconds: number): pulumi.Output<string> =>
  pulumi.jsonStringify({ widgets: dashboardWidgets(t, periodSeconds) });
