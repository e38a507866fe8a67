import type { PolicyResource } from "@pulumi/policy";
import { asArray, type CognitoRule, upper } from "./common";
import { boolean, readConfig, schemaOf } from "./knobs";
import { linked, ofType, tryRead } from "./links";
import { T } from "./types";

const knobs = {
  requireUserAuthEvents: boolean(
    true,
    "PLUS pools must also export user authentication events (eventSource userAuthEvents), not only notification errors",
  ),
};

/** Whether any of the delivery configurations exports `source` to some destination. */
function delivers(configs: PolicyResource[], source: string): boolean {
  return configs.some((c) =>
    asArray(tryRead(() => c.props.logConfigurations).value).some((l) => {
      const e = l as Record<string, unknown> | undefined;
      if (!e || e.eventSource !== source) return false;
      return Boolean(e.cloudWatchLogsConfiguration || e.firehoseConfiguration || e.s3Configuration);
    }),
  );
}

/**
 * A user pool exports its logs (Cognito log delivery): the guides' "export user authentication
 * events" for PLUS pools, where Cognito records each sign-in, sign-up and risk decision; on other
 * tiers at least the delivery errors of user notifications. Judged on the resources alone, so a
 * stack built without this program's components is judged the same way.
 */
export const authEventLogs: CognitoRule = {
  name: "cognito-user-pool-auth-event-logs",
  description:
    "Each user pool exports its logs through an aws.cognito.LogDeliveryConfiguration; PLUS pools include user authentication events.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["guidance:cognito-export-user-auth-events"],
  remediationSteps:
    'Add an aws.cognito.LogDeliveryConfiguration for the pool with a logConfigurations entry { eventSource: "userAuthEvents", logLevel: "INFO" } (PLUS) and { eventSource: "userNotification", logLevel: "ERROR" }, delivering to a log group, stream or bucket.',
  configSchema: schemaOf(knobs),
  validateStack: (args, report) => {
    const { requireUserAuthEvents } = readConfig(knobs, args);
    const pools = ofType(args.resources, T.userPool);
    if (pools.length === 0) return args.notApplicable("the stack has no user pool");
    const deliveries = ofType(args.resources, T.logDeliveryConfiguration);
    for (const pool of pools) {
      const configs = deliveries.filter((d) => linked(d, "userPoolId", [pool], () => d.props.userPoolId).length > 0);
      if (configs.length === 0) {
        report(
          `User pool ${pool.name} exports no logs. Fix: add an aws.cognito.LogDeliveryConfiguration { userPoolId: pool.id } delivering to CloudWatch Logs, Firehose or S3 (on aws.cognito.LogDeliveryConfiguration; cognito-auth key: authEventLogs.enabled).`,
          pool.urn,
        );
        continue;
      }
      const plus = upper(tryRead(() => pool.props.userPoolTier).value) === "PLUS";
      if (plus && requireUserAuthEvents && !delivers(configs, "userAuthEvents"))
        report(
          `User pool ${pool.name} is PLUS but does not export user authentication events. Fix: add { eventSource: "userAuthEvents", logLevel: "INFO" } to its log delivery configuration (logConfigurations on aws.cognito.LogDeliveryConfiguration; cognito-auth key: authEventLogs.userAuthEvents).`,
          pool.urn,
        );
      if (!plus && !delivers(configs, "userNotification") && !delivers(configs, "userAuthEvents"))
        report(
          `User pool ${pool.name} has a log delivery configuration that delivers nothing. Fix: give { eventSource: "userNotification", logLevel: "ERROR" } a destination (logConfigurations on aws.cognito.LogDeliveryConfiguration; cognito-auth key: authEventLogs.enabled).`,
          pool.urn,
        );
    }
  },
};
