import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AuthEventLogsModel } from "../config/model";
import { serviceGrant } from "./policy-statements";
import { applyTransform, type Transform } from "./transform";

export interface AuthEventLogsArgs {
  logs: AuthEventLogsModel;
  userPoolId: pulumi.Input<string>;
  /** Keep the log group when the stack is destroyed (prod: the audit trail outlives the stack). @default false */
  retainOnDelete?: boolean;
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    resourcePolicy?: Transform<aws.cloudwatch.LogResourcePolicyArgs>;
    deliveryConfiguration?: Transform<aws.cognito.LogDeliveryConfigurationArgs>;
  };
}

/**
 * The log group's resource policy: CloudWatch's log delivery service may create streams and write
 * events in this one log group, and only on behalf of this account's log deliveries (the
 * confused-deputy conditions CloudWatch Logs documents for vended logs).
 */
export function deliveryPolicy(
  logGroupArn: pulumi.Input<string>,
  account: pulumi.Input<string>,
  region: pulumi.Input<string>,
  partition: pulumi.Input<string>,
): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      serviceGrant({
        sid: "CognitoLogDelivery",
        service: "delivery.logs.amazonaws.com",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resource: pulumi.interpolate`${logGroupArn}:log-stream:*`,
        account,
        sourceArn: pulumi.interpolate`arn:${partition}:logs:${region}:${account}:*`,
      }),
    ],
  });
}

/** The export settings: delivery errors of user notifications always, user authentication events on PLUS. */
export function logConfigurations(
  logs: AuthEventLogsModel,
  logGroupArn: pulumi.Input<string>,
): aws.types.input.cognito.LogDeliveryConfigurationLogConfiguration[] {
  const cw = { cloudWatchLogsConfiguration: { logGroupArn } };
  return [
    { eventSource: "userNotification", logLevel: "ERROR", ...cw },
    ...(logs.userAuthEvents ? [{ eventSource: "userAuthEvents", logLevel: "INFO", ...cw }] : []),
  ];
}

/** Cognito's log export into a log group the stack owns, with the resource policy the delivery needs. */
export class AuthEventLogs extends pulumi.ComponentResource {
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly resourcePolicy: aws.cloudwatch.LogResourcePolicy;
  readonly deliveryConfiguration: aws.cognito.LogDeliveryConfiguration;

  constructor(name: string, args: AuthEventLogsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:AuthEventLogs", name, {}, opts);
    const t = args.transform ?? {};
    const l = args.logs;
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const region = aws.getRegionOutput({}, { parent: this }).region;
    this.logGroup = new aws.cloudwatch.LogGroup(
      ...applyTransform(
        t.logGroup,
        `${name}-log-group`,
        { name: l.logGroupName, retentionInDays: l.retentionInDays, tags: args.tags },
        { parent: this, retainOnDelete: args.retainOnDelete },
      ),
    );
    this.resourcePolicy = new aws.cloudwatch.LogResourcePolicy(
      ...applyTransform(
        t.resourcePolicy,
        `${name}-resource-policy`,
        {
          policyName: `${l.logGroupName.split("/").pop()}-log-delivery`,
          policyDocument: deliveryPolicy(this.logGroup.arn, account, region, partition),
        },
        { parent: this },
      ),
    );
    this.deliveryConfiguration = new aws.cognito.LogDeliveryConfiguration(
      ...applyTransform(
        t.deliveryConfiguration,
        `${name}-delivery`,
        { userPoolId: args.userPoolId, logConfigurations: logConfigurations(l, this.logGroup.arn) },
        { parent: this, dependsOn: [this.resourcePolicy] },
      ),
    );
    this.registerOutputs({ logGroupName: this.logGroup.name });
  }
}
