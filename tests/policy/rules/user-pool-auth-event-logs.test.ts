import { authEventLogs } from "../../../policy/rules/user-pool-auth-event-logs";
import { goodPool, POOL_ARN, POOL_ID } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolations,
  checkStack,
  res,
  T,
  UNKNOWN,
  urn,
} from "../harness";

const LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/cognito/x";
const poolRes = (props: Record<string, unknown> = {}) =>
  res(T.userPool, "pool", { ...goodPool(), id: POOL_ID, arn: POOL_ARN, ...props });
const cw = { cloudWatchLogsConfiguration: { logGroupArn: LOG_GROUP } };
const notifications = { eventSource: "userNotification", logLevel: "ERROR", ...cw };
const authEvents = { eventSource: "userAuthEvents", logLevel: "INFO", ...cw };
const delivery = (userPoolId: unknown, logConfigurations: unknown[], extra = {}) =>
  res(T.logDeliveryConfiguration, "logs", { userPoolId, logConfigurations }, extra);

describe("policy cognito-user-pool-auth-event-logs", () => {
  it("passes a PLUS pool exporting auth events", async () =>
    assertPass(await checkStack(authEventLogs, [poolRes(), delivery(POOL_ID, [notifications, authEvents])])));
  it("fails a pool without a log delivery configuration", async () =>
    assertViolations(await checkStack(authEventLogs, [poolRes()]), 1, "exports no logs"));
  it("fails a PLUS pool exporting only notification errors", async () =>
    assertViolations(
      await checkStack(authEventLogs, [poolRes(), delivery(POOL_ID, [notifications])]),
      1,
      "user authentication events",
    ));
  it("accepts notification errors alone when requireUserAuthEvents is false", async () =>
    assertPass(
      await checkStack(authEventLogs, [poolRes(), delivery(POOL_ID, [notifications])], {
        config: { requireUserAuthEvents: false },
      }),
    ));
  it("fails an auth-events entry with no destination", async () =>
    assertViolations(
      await checkStack(authEventLogs, [
        poolRes(),
        delivery(POOL_ID, [{ eventSource: "userAuthEvents", logLevel: "INFO" }]),
      ]),
      1,
      "user authentication events",
    ));
  it("passes an ESSENTIALS pool exporting notification errors", async () =>
    assertPass(
      await checkStack(authEventLogs, [poolRes({ userPoolTier: "ESSENTIALS" }), delivery(POOL_ID, [notifications])]),
    ));
  it("fails an ESSENTIALS pool whose configuration delivers nothing", async () =>
    assertViolations(
      await checkStack(authEventLogs, [
        poolRes({ userPoolTier: "ESSENTIALS" }),
        delivery(POOL_ID, [{ eventSource: "userNotification", logLevel: "ERROR" }]),
      ]),
      1,
      "delivers nothing",
    ));
  it("does not count another pool's configuration", async () =>
    assertViolations(
      await checkStack(authEventLogs, [poolRes(), delivery("us-east-1_Other", [notifications, authEvents])]),
      1,
      "exports no logs",
    ));
  it("is not applicable to a stack without pools", async () =>
    assertNotApplicable(await checkStack(authEventLogs, [delivery(POOL_ID, [authEvents])])));
  it("links through userPoolId's property dependency during preview", async () =>
    assertPass(
      await checkStack(authEventLogs, [
        poolRes({ id: UNKNOWN.string, arn: UNKNOWN.string }),
        delivery(UNKNOWN.string, [notifications, authEvents], {
          propertyDependencies: { userPoolId: [urn(T.userPool, "pool")] },
        }),
      ]),
    ));
  it("cannot decide while an unknown pool id links to nothing", async () =>
    assertUnknown(await checkStack(authEventLogs, [poolRes(), delivery(UNKNOWN.string, [authEvents])]), "userPoolId"));
});
