import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { MessagingModel } from "../config/model";
import { type SesDomainIdentity, type SesDomainIdentityArgs, sesDomainIdentity } from "./ses-domain-identity";
import { smsPublishPolicy, smsRoleTrustPolicy } from "./sms-role-policies";
import { applyTransform, type Transform } from "./transform";

export interface MessagingArgs {
  /** `messaging` from the model. */
  config: MessagingModel;
  /** The stack's region, for the SMS role's source-ARN condition. */
  region: string;
  /** Keep every child the pool relies on (Pulumi `protect` + `retainOnDelete`), as the pool is kept. @default false */
  protect?: boolean;
  /** Tags for every taggable child. @default none */
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    smsExternalId?: Transform<random.RandomUuidArgs>;
    smsRole?: Transform<aws.iam.RoleArgs>;
    smsRolePolicy?: Transform<aws.iam.RolePolicyArgs>;
    sesIdentity?: SesDomainIdentityArgs["transform"];
  };
}

/**
 * What Cognito needs to send email and SMS: a verified SES domain identity for DEVELOPER email (or
 * an existing one by ARN), and an IAM role Cognito assumes to publish SMS through SNS. The role
 * trusts only `cognito-idp.amazonaws.com`, only with this stack's external ID and only from this
 * account's pools, and may only `sns:Publish` to phone numbers (never to topics).
 */
export class Messaging extends pulumi.ComponentResource {
  /** `emailConfiguration` for the user pool. */
  readonly emailConfiguration: aws.types.input.cognito.UserPoolEmailConfiguration;
  /** `smsConfiguration` for the user pool; undefined when SMS is off. */
  readonly smsConfiguration?: aws.types.input.cognito.UserPoolSmsConfiguration;
  /** SES identity ARN used as sender (DEVELOPER email only); known only once the identity is verified. */
  readonly sourceArn?: pulumi.Output<string>;
  readonly ses?: SesDomainIdentity;
  readonly smsRole?: aws.iam.Role;
  readonly smsRolePolicy?: aws.iam.RolePolicy;
  /**
   * What the pool must wait for beyond its inputs: Cognito checks at CreateUserPool that the SMS role
   * may publish (InvalidSmsRoleAccessPolicyException) and that the SES identity is verified.
   */
  readonly poolDependencies: pulumi.Resource[] = [];

  constructor(name: string, args: MessagingArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:Messaging", name, {}, opts);
    const e = args.config.email;
    const t = args.transform ?? {};
    // A retained pool must not be left pointing at a deleted role or identity.
    const child: pulumi.CustomResourceOptions = args.protect
      ? { parent: this, protect: true, retainOnDelete: true }
      : { parent: this };

    if (e.emailSendingAccount === "DEVELOPER") {
      // Config validation guarantees hostedZoneId with identity, and sourceArn without it.
      if (e.identity && e.hostedZoneId) {
        this.ses = sesDomainIdentity(name, {
          domain: e.identity,
          hostedZoneId: e.hostedZoneId,
          opts: child,
          transform: t.sesIdentity,
        });
        this.sourceArn = this.ses.verification.arn;
        this.poolDependencies.push(this.ses.verification);
      } else {
        this.sourceArn = pulumi.output(e.sourceArn as string);
      }
    }
    // Plain objects with Output leaves, not one Output: during a preview only the unknown ARN is
    // unknown, so policies can still read the sending account and sender.
    this.emailConfiguration =
      e.emailSendingAccount === "DEVELOPER"
        ? {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: e.fromEmailAddress,
            replyToEmailAddress: e.replyToEmailAddress,
            sourceArn: this.sourceArn,
            configurationSet: e.configurationSet,
          }
        : { emailSendingAccount: "COGNITO_DEFAULT" };

    if (args.config.sms.role) {
      // Stable per stack: changing the external ID would break the pool's trust in its own role.
      const externalId = new random.RandomUuid(
        ...applyTransform(t.smsExternalId, `${name}-sms-external-id`, {}, { ...child }),
      );
      const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
      const partition = aws.getPartitionOutput({}, { parent: this }).partition;
      this.smsRole = new aws.iam.Role(
        ...applyTransform(
          t.smsRole,
          `${name}-sms-role`,
          {
            description: "Lets Cognito send SMS (MFA and verification codes) through SNS",
            assumeRolePolicy: smsRoleTrustPolicy({
              externalId: externalId.result,
              account,
              partition,
              region: args.region,
            }),
            tags: args.tags,
          },
          { ...child },
        ),
      );
      this.smsRolePolicy = new aws.iam.RolePolicy(
        ...applyTransform(
          t.smsRolePolicy,
          `${name}-sms-publish`,
          {
            role: this.smsRole.id,
            policy: smsPublishPolicy(partition),
          },
          { ...child },
        ),
      );
      this.poolDependencies.push(this.smsRolePolicy);
      // With SMS off but the role kept, the pool gets no smsConfiguration: the one it has stays valid.
      if (args.config.sms.enabled) {
        this.smsConfiguration = {
          externalId: externalId.result,
          // Carries the policy as a dependency too: the role alone is not enough for CreateUserPool.
          snsCallerArn: pulumi.all([this.smsRole.arn, this.smsRolePolicy.id]).apply(([arn]) => arn),
          snsRegion: args.config.sms.snsRegion,
        };
      }
    }

    this.registerOutputs({ sourceArn: this.sourceArn, smsRoleArn: this.smsRole?.arn });
  }
}
