import * as pulumi from "@pulumi/pulumi";

/** Where the SMS role is trusted: Cognito pools of this account in this region. */
export interface SmsRoleTrustArgs {
  externalId: pulumi.Input<string>;
  account: pulumi.Input<string>;
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
}

/**
 * The SMS role's trust policy. ExternalId, SourceAccount and SourceArn together: the confused-deputy
 * protection the Cognito developer guide's SMS settings page recommends.
 */
export function smsRoleTrustPolicy(a: SmsRoleTrustArgs): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "cognito-idp.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "sts:ExternalId": a.externalId, "aws:SourceAccount": a.account },
          ArnLike: {
            "aws:SourceArn": pulumi.interpolate`arn:${a.partition}:cognito-idp:${a.region}:${a.account}:userpool/*`,
          },
        },
      },
    ],
  });
}

/** The SMS role's permissions: publish SMS, never to a topic. */
export function smsPublishPolicy(partition: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      // SMS to a phone number has no resource ARN, so Publish needs "*"; the Deny keeps it off topics.
      { Sid: "PublishSms", Effect: "Allow", Action: "sns:Publish", Resource: "*" },
      {
        Sid: "NoTopics",
        Effect: "Deny",
        Action: "sns:Publish",
        Resource: pulumi.interpolate`arn:${partition}:sns:*:*:*`,
      },
    ],
  });
}
