import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import type { MessagingModel, PoolModel, TriggersModel } from "../config/model";
import { riskConfigurationArgs } from "./risk-configuration";
import { applyTransform, type Transform } from "./transform";
import { poolSchemas } from "./user-pool-attributes";
import { createReplacementGuards } from "./user-pool-guard";
import { type BuiltTriggerArns, lambdaConfig, triggerPermissions } from "./user-pool-triggers";

export interface CognitoUserPoolArgs {
  /** `pool` from the model. */
  pool: PoolModel;
  /** `messaging.email` from the model (sender for invitations, codes and risk notifications). */
  email: MessagingModel["email"];
  /** From the Messaging component. */
  emailConfiguration: aws.types.input.cognito.UserPoolEmailConfiguration;
  /** From the Messaging component; undefined turns SMS off. */
  smsConfiguration?: aws.types.input.cognito.UserPoolSmsConfiguration;
  /** SES identity ARN for risk notification emails. */
  sesSourceArn?: pulumi.Input<string>;
  /** Lambda triggers by ARN. @default no triggers */
  triggers?: TriggersModel;
  /** Functions the stack built, by trigger (their invoke permissions are components/trigger-function-pool-access.ts). @default none */
  builtTriggers?: BuiltTriggerArns;
  /** Resources Cognito checks at CreateUserPool (SMS role policy, verified SES identity). @default none */
  dependsOn?: pulumi.Resource[];
  /** Tags for every taggable child. @default none */
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    userPool?: Transform<aws.cognito.UserPoolArgs>;
    riskConfiguration?: Transform<aws.cognito.RiskConfigurationArgs>;
    /** The replacement-guard markers (user-pool-guard.ts). */
    guard?: Transform<random.RandomIdArgs>;
    triggerPermission?: Transform<aws.lambda.PermissionArgs>;
  };
}

/**
 * The user pool: the database of every user, so it is built to be kept. Fixed settings are guarded
 * (see user-pool-guard.ts), and with `pool.protect` it carries Pulumi `protect` and
 * `retainOnDelete` on top of Cognito's deletion protection.
 */
export class CognitoUserPool extends pulumi.ComponentResource {
  readonly userPool: aws.cognito.UserPool;
  readonly riskConfiguration?: aws.cognito.RiskConfiguration;
  readonly guards: random.RandomId[];
  readonly triggerPermissions: aws.lambda.Permission[];

  constructor(name: string, args: CognitoUserPoolArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPool", name, {}, opts);
    const p = args.pool;
    const t = args.transform ?? {};

    this.guards = createReplacementGuards(name, p, this, t.guard);

    const poolArgs: aws.cognito.UserPoolArgs = {
      name: p.name,
      usernameAttributes: p.usernameAttributes,
      aliasAttributes: p.aliasAttributes,
      usernameConfiguration: { caseSensitive: p.usernameConfiguration.caseSensitive },
      autoVerifiedAttributes: p.autoVerifiedAttributes,
      passwordPolicy: p.passwordPolicy,
      mfaConfiguration: p.mfaConfiguration,
      softwareTokenMfaConfiguration: p.softwareTokenMfaConfiguration.enabled ? { enabled: true } : undefined,
      emailMfaConfiguration: p.emailMfaConfiguration,
      smsAuthenticationMessage: args.smsConfiguration ? p.smsAuthenticationMessage : undefined,
      smsConfiguration: args.smsConfiguration,
      emailConfiguration: args.emailConfiguration,
      deviceConfiguration: p.deviceConfiguration,
      adminCreateUserConfig: p.adminCreateUserConfig,
      userAttributeUpdateSettings: p.userAttributeUpdateSettings,
      verificationMessageTemplate: {
        ...p.verificationMessageTemplate,
        smsMessage: args.smsConfiguration ? p.verificationMessageTemplate.smsMessage : undefined,
      },
      schemas: poolSchemas(p),
      accountRecoverySetting: p.accountRecoverySetting,
      userPoolTier: p.userPoolTier,
      userPoolAddOns: p.userPoolAddOns,
      signInPolicy: p.signInPolicy,
      webAuthnConfiguration: p.webAuthnConfiguration,
      lambdaConfig:
        args.triggers || args.builtTriggers ? lambdaConfig(args.triggers ?? {}, args.builtTriggers) : undefined,
      deletionProtection: p.deletionProtection,
      tags: args.tags,
    };
    this.userPool = new aws.cognito.UserPool(
      ...applyTransform(t.userPool, `${name}-user-pool`, poolArgs, {
        parent: this,
        protect: p.protect,
        retainOnDelete: p.protect,
        dependsOn: [...this.guards, ...(args.dependsOn ?? [])],
      }),
    );

    if (p.riskConfiguration) {
      this.riskConfiguration = new aws.cognito.RiskConfiguration(
        ...applyTransform(
          t.riskConfiguration,
          `${name}-risk-configuration`,
          riskConfigurationArgs(this.userPool.id, p.riskConfiguration, args.email, args.sesSourceArn),
          { parent: this },
        ),
      );
    }
    this.triggerPermissions = args.triggers
      ? triggerPermissions(name, args.triggers, this.userPool.arn, this, t.triggerPermission)
      : [];

    this.registerOutputs({ userPoolId: this.userPool.id, userPoolArn: this.userPool.arn });
  }
}
