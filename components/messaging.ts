import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { MessagingConfig } from "../config/schema/messaging";
import { applyTransform, Transform } from "./transform";

export interface MessagingArgs {
  /** `messaging` from the stack config. */
  config: MessagingConfig;
  /** The stack's region, for the SMS role's source-ARN condition. */
  region: string;
  tags?: Record<string, string>;
  transform?: {
    smsRole?: Transform<aws.iam.RoleArgs>;
    smsRolePolicy?: Transform<aws.iam.RolePolicyArgs>;
    emailIdentity?: Transform<aws.sesv2.EmailIdentityArgs>;
  };
}

/**
 * What Cognito needs to send email and SMS: an SES identity for DEVELOPER email (or an existing
 * one by ARN), and an IAM role Cognito assumes to publish SMS through SNS. The role trusts only
 * `cognito-idp.amazonaws.com`, only with this stack's external ID and only from this account's
 * pools, and may only `sns:Publish` to phone numbers (never to topics).
 */
export class Messaging extends pulumi.ComponentResource {
  /** `emailConfiguration` for the user pool. */
  readonly emailConfiguration: aws.types.input.cognito.UserPoolEmailConfiguration;
  /** `smsConfiguration` for the user pool; undefined when SMS is off. */
  readonly smsConfiguration?: aws.types.input.cognito.UserPoolSmsConfiguration;
  /** SES identity ARN used as sender (DEVELOPER email only). */
  readonly sourceArn?: pulumi.Output<string>;
  readonly smsRole?: aws.iam.Role;

  constructor(name: string, args: MessagingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:Messaging", name, {}, opts);
    const e = args.config.email;
    const t = args.transform ?? {};

    if (e.emailSendingAccount === "DEVELOPER") {
      if (e.identity) {
        const identity = new aws.sesv2.EmailIdentity(...applyTransform(t.emailIdentity, `${name}-ses-identity`, {
          emailIdentity: e.identity,
          configurationSetName: e.configurationSet,
          tags: args.tags,
        }, { parent: this }));
        this.sourceArn = identity.arn;
      } else {
        this.sourceArn = pulumi.output(e.sourceArn as string);
      }
    }
    // Plain objects with Output leaves, not one Output: during a preview only the unknown ARN is
    // unknown, so policies can still read the sending account and sender.
    this.emailConfiguration = e.emailSendingAccount === "DEVELOPER"
      ? { emailSendingAccount: "DEVELOPER", fromEmailAddress: e.fromEmailAddress, replyToEmailAddress: e.replyToEmailAddress, sourceArn: this.sourceArn, configurationSet: e.configurationSet }
      : { emailSendingAccount: "COGNITO_DEFAULT" };

    if (args.config.sms.enabled) {
      // Stable per stack: changing the external ID would break the pool's trust in its own role.
      const externalId = new random.RandomUuid(`${name}-sms-external-id`, {}, { parent: this });
      const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
      this.smsRole = new aws.iam.Role(...applyTransform(t.smsRole, `${name}-sms-role`, {
        description: "Lets Cognito send SMS (MFA and verification codes) through SNS",
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [{
            Effect: "Allow",
            Principal: { Service: "cognito-idp.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "sts:ExternalId": externalId.result, "aws:SourceAccount": account },
              ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:aws:cognito-idp:${args.region}:${account}:userpool/*` },
            },
          }],
        }),
        tags: args.tags,
      }, { parent: this }));
      new aws.iam.RolePolicy(...applyTransform(t.smsRolePolicy, `${name}-sms-publish`, {
        role: this.smsRole.id,
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            // SMS to a phone number has no resource ARN, so Publish needs "*"; the Deny keeps it off topics.
            { Sid: "PublishSms", Effect: "Allow", Action: "sns:Publish", Resource: "*" },
            { Sid: "NoTopics", Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws:sns:*:*:*" },
          ],
        }),
      }, { parent: this }));
      this.smsConfiguration = {
        externalId: externalId.result,
        snsCallerArn: this.smsRole.arn,
        snsRegion: args.config.sms.snsRegion ?? args.region,
      };
    }

    this.registerOutputs({ sourceArn: this.sourceArn, smsRoleArn: this.smsRole?.arn });
  }
}
