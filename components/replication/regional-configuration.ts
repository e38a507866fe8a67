import * as aws from "@pulumi/aws";
import type * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { ReplicaModel, TriggersModel } from "../../config/model";
import { smsPublishPolicy, smsRoleTrustPolicy } from "../sms-role-policies";
import { applyTransform, type Transform } from "../transform";
import { lambdaConfig, triggerArns } from "../user-pool-triggers";
import { awsNative } from "./aws-native";

type NativeLambdaConfig = awsnative.types.input.cognito.UserPoolRegionalConfigurationAttachmentLambdaConfigArgs;

export interface RegionalConfigurationTransforms {
  attachment?: Transform<awsnative.cognito.UserPoolRegionalConfigurationAttachmentArgs>;
  smsExternalId?: Transform<random.RandomUuidArgs>;
  smsRole?: Transform<aws.iam.RoleArgs>;
  smsRolePolicy?: Transform<aws.iam.RolePolicyArgs>;
  triggerPermission?: Transform<aws.lambda.PermissionArgs>;
}

export interface RegionalConfigurationArgs {
  replica: ReplicaModel;
  userPoolId: pulumi.Input<string>;
  account: pulumi.Input<string>;
  partition: pulumi.Input<string>;
  /** aws-native provider of the replica's region: Cognito takes the attachment in that region. */
  provider: awsnative.Provider;
  /** The replica: the attachment needs it ACTIVE or INACTIVE, so after it exists. */
  replicaResource: pulumi.Resource;
  /** Options for every child (parent, protect). */
  opts: pulumi.CustomResourceOptions;
  tags?: Record<string, string>;
  transform?: RegionalConfigurationTransforms;
}

export interface RegionalConfiguration {
  attachment: awsnative.cognito.UserPoolRegionalConfigurationAttachment;
  smsRole?: aws.iam.Role;
  smsRolePolicy?: aws.iam.RolePolicy;
  triggerPermissions: aws.lambda.Permission[];
}

/** The regional trigger config in the attachment's shape (same fields as the pool's lambdaConfig). */
export function regionalLambdaConfig(t: TriggersModel): NativeLambdaConfig | undefined {
  const c = lambdaConfig(t);
  return c as NativeLambdaConfig | undefined;
}

/**
 * What a replica keeps per region (email, SMS, triggers, status), as Cognito's regional
 * configuration attachment in the replica's region. SES identities and Lambda functions are
 * regional, so the replica sends from an SES identity in its own region and invokes functions
 * there; the SMS role is a role of its own, trusted only by this account's pools in that region.
 */
export function regionalConfiguration(name: string, args: RegionalConfigurationArgs): RegionalConfiguration {
  const r = args.replica;
  const t = args.transform ?? {};
  const poolArn = pulumi.interpolate`arn:${args.partition}:cognito-idp:${r.region}:${args.account}:userpool/${args.userPoolId}`;
  const deps: pulumi.Resource[] = [args.replicaResource];

  let smsRole: aws.iam.Role | undefined;
  let smsRolePolicy: aws.iam.RolePolicy | undefined;
  let smsConfiguration:
    | awsnative.types.input.cognito.UserPoolRegionalConfigurationAttachmentSmsConfigurationArgs
    | undefined;
  if (r.sms) {
    const externalId = new random.RandomUuid(
      ...applyTransform(t.smsExternalId, `${name}-sms-external-id`, {}, { ...args.opts }),
    );
    smsRole = new aws.iam.Role(
      ...applyTransform(
        t.smsRole,
        `${name}-sms-role`,
        {
          description: `Lets Cognito send SMS through SNS from the ${r.region} replica`,
          assumeRolePolicy: smsRoleTrustPolicy({
            externalId: externalId.result,
            account: args.account,
            partition: args.partition,
            region: r.region,
          }),
          tags: args.tags,
        },
        { ...args.opts },
      ),
    );
    smsRolePolicy = new aws.iam.RolePolicy(
      ...applyTransform(
        t.smsRolePolicy,
        `${name}-sms-publish`,
        {
          role: smsRole.id,
          policy: smsPublishPolicy(args.partition),
        },
        { ...args.opts },
      ),
    );
    deps.push(smsRolePolicy);
    smsConfiguration = {
      snsCallerArn: smsRole.arn,
      externalId: externalId.result,
      snsRegion: r.sms.snsRegion,
    };
  }

  const triggerPermissions = triggerArns(r.triggers).map((arn) => {
    const [, , , , , , fn, qualifier] = arn.split(":");
    return new aws.lambda.Permission(
      ...applyTransform(
        t.triggerPermission,
        `${name}-invoke-${fn}${qualifier ? `-${qualifier}` : ""}`,
        {
          // The function's region: Lambda takes AddPermission there.
          region: r.region,
          action: "lambda:InvokeFunction",
          function: arn,
          principal: "cognito-idp.amazonaws.com",
          sourceArn: poolArn,
          sourceAccount: args.account,
        },
        { ...args.opts },
      ),
    );
  });
  deps.push(...triggerPermissions);

  const e = r.email;
  const attachment = new (awsNative().cognito.UserPoolRegionalConfigurationAttachment)(
    ...applyTransform(
      t.attachment,
      `${name}-regional-configuration`,
      {
        userPoolId: args.userPoolId,
        status: r.status,
        emailConfiguration:
          e.emailSendingAccount === "DEVELOPER"
            ? {
                emailSendingAccount: "DEVELOPER",
                sourceArn: e.sourceArn,
                from: e.from,
                replyToEmailAddress: e.replyToEmailAddress,
                configurationSet: e.configurationSet,
              }
            : { emailSendingAccount: "COGNITO_DEFAULT" },
        smsConfiguration,
        lambdaConfig: regionalLambdaConfig(r.triggers),
        // Tags here, not on the replica: its `userPoolTagsAtCreate` replaces the replica on any change.
        userPoolTags: args.tags,
      },
      { ...args.opts, provider: args.provider, dependsOn: deps },
    ),
  );
  return { attachment, smsRole, smsRolePolicy, triggerPermissions };
}
