import * as assert from "node:assert";
import { dashboardCommand, dimensionList, metricAlarmCommand } from "../../../../emulator/backend/metric-alarm";

describe("emulator/backend/metric-alarm", () => {
  it("maps a metric-math alarm: each query's metric with its dimensions, and the expression", () => {
    const cmd = metricAlarmCommand(
      {
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        evaluationPeriods: 1,
        treatMissingData: "notBreaching",
        alarmActions: ["arn:aws:sns:us-east-1:1:t"],
        okActions: ["arn:aws:sns:us-east-1:1:t"],
        metricQueries: [
          {
            id: "m0",
            returnData: false,
            metric: {
              namespace: "AWS/Cognito",
              metricName: "SignInThrottles",
              period: 300,
              stat: "Sum",
              dimensions: { UserPool: "us-east-1_abc", UserPoolClient: "c1" },
            },
          },
          { id: "total", expression: "SUM([m0])", returnData: true },
        ],
        tags: { team: "auth" },
      },
      "auth-sign-in-throttles",
    );
    assert.deepStrictEqual(cmd, {
      AlarmName: "auth-sign-in-throttles",
      AlarmActions: ["arn:aws:sns:us-east-1:1:t"],
      OKActions: ["arn:aws:sns:us-east-1:1:t"],
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "notBreaching",
      Metrics: [
        {
          Id: "m0",
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: "AWS/Cognito",
              MetricName: "SignInThrottles",
              Dimensions: [
                { Name: "UserPool", Value: "us-east-1_abc" },
                { Name: "UserPoolClient", Value: "c1" },
              ],
            },
            Period: 300,
            Stat: "Sum",
          },
        },
        { Id: "total", Expression: "SUM([m0])", ReturnData: true },
      ],
      Tags: [{ Key: "team", Value: "auth" }],
    });
  });

  it("refuses values the API does not have instead of sending them", () => {
    assert.throws(
      () => metricAlarmCommand({ comparisonOperator: "Bigger", evaluationPeriods: 1 }, "a"),
      /comparisonOperator/,
    );
    assert.throws(() => metricAlarmCommand({ comparisonOperator: "GreaterThanThreshold" }, "a"), /evaluationPeriods/);
    assert.strictEqual(dimensionList({}), undefined);
  });

  it("maps the dashboard", () => {
    assert.deepStrictEqual(dashboardCommand({ dashboardName: "d", dashboardBody: '{"widgets":[]}' }), {
      DashboardName: "d",
      DashboardBody: '{"widgets":[]}',
    });
  });
});
