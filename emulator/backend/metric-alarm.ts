/** `aws.cloudwatch.MetricAlarm` and `aws.cloudwatch.Dashboard` inputs -> PutMetricAlarm and PutDashboard. */

import {
  ComparisonOperator,
  type Dimension,
  type MetricDataQuery,
  type PutDashboardCommandInput,
  type PutMetricAlarmCommandInput,
  StandardUnit,
  Statistic,
} from "@aws-sdk/client-cloudwatch";
import type * as aws from "@pulumi/aws";
import { dropUndefined, enumValue, MappingError, type Resolved, required } from "./convert";

export type MetricAlarmInputs = Resolved<aws.cloudwatch.MetricAlarmArgs>;
export type DashboardInputs = Resolved<aws.cloudwatch.DashboardArgs>;

/** The provider's dimension map -> the API's list, in the map's order. */
export function dimensionList(d: Record<string, string> | undefined): Dimension[] | undefined {
  return d && Object.keys(d).length ? Object.entries(d).map(([Name, Value]) => ({ Name, Value })) : undefined;
}

/** Alarm actions are ARNs once resolved; a resource object here means the program passed the wrong value. */
function arns(v: readonly unknown[] | undefined, field: string): string[] | undefined {
  if (!v?.length) return undefined;
  return v.map((x, n) => {
    if (typeof x !== "string") throw new MappingError(`${field}[${n}] is not an ARN`);
    return x;
  });
}

function metricQuery(q: NonNullable<MetricAlarmInputs["metricQueries"]>[number], n: number): MetricDataQuery {
  const m = q.metric;
  return dropUndefined({
    Id: required(q.id, `metricQueries[${n}].id`),
    Expression: q.expression,
    Label: q.label,
    ReturnData: q.returnData,
    Period: q.period,
    AccountId: q.accountId,
    MetricStat: m
      ? dropUndefined({
          Metric: dropUndefined({
            Namespace: m.namespace,
            MetricName: required(m.metricName, `metricQueries[${n}].metric.metricName`),
            Dimensions: dimensionList(m.dimensions),
          }),
          Period: m.period,
          Stat: required(m.stat, `metricQueries[${n}].metric.stat`),
          Unit: enumValue(StandardUnit, m.unit, `metricQueries[${n}].metric.unit`),
        })
      : undefined,
  });
}

export function metricAlarmCommand(i: MetricAlarmInputs, name: string): PutMetricAlarmCommandInput {
  if (i.evaluationPeriods === undefined) throw new MappingError("evaluationPeriods is required");
  const comparison = enumValue(
    ComparisonOperator,
    required(i.comparisonOperator, "comparisonOperator"),
    "comparisonOperator",
  );
  return dropUndefined({
    AlarmName: name,
    AlarmDescription: i.alarmDescription,
    ActionsEnabled: i.actionsEnabled,
    AlarmActions: arns(i.alarmActions, "alarmActions"),
    OKActions: arns(i.okActions, "okActions"),
    InsufficientDataActions: arns(i.insufficientDataActions, "insufficientDataActions"),
    MetricName: i.metricName,
    Namespace: i.namespace,
    Statistic: enumValue(Statistic, i.statistic, "statistic"),
    ExtendedStatistic: i.extendedStatistic,
    Dimensions: dimensionList(i.dimensions),
    Period: i.period,
    Unit: enumValue(StandardUnit, i.unit, "unit"),
    EvaluationPeriods: i.evaluationPeriods,
    DatapointsToAlarm: i.datapointsToAlarm,
    Threshold: i.threshold,
    ThresholdMetricId: i.thresholdMetricId,
    ComparisonOperator: comparison,
    TreatMissingData: i.treatMissingData,
    EvaluateLowSampleCountPercentile: i.evaluateLowSampleCountPercentiles,
    Metrics: i.metricQueries?.length ? i.metricQueries.map(metricQuery) : undefined,
    Tags:
      i.tags && Object.keys(i.tags).length ? Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
  });
}

export function dashboardCommand(i: DashboardInputs): PutDashboardCommandInput {
  return {
    DashboardName: required(i.dashboardName, "dashboardName"),
    DashboardBody: required(i.dashboardBody, "dashboardBody"),
  };
}
