/**
 * `aws.cognito.UserPool` inputs -> CreateUserPool + SetUserPoolMfaConfig, the two calls the
 * provider makes (MFA, TOTP, SMS/email MFA and WebAuthn settings are not CreateUserPool members).
 */

import {
  AdvancedSecurityEnabledModeType,
  AdvancedSecurityModeType,
  AliasAttributeType,
  AttributeDataType,
  AuthFactorType,
  type CreateUserPoolCommandInput,
  CustomEmailSenderLambdaVersionType,
  CustomSMSSenderLambdaVersionType,
  DefaultEmailOptionType,
  DeletionProtectionType,
  EmailSendingAccountType,
  type LambdaConfigType,
  PreTokenGenerationLambdaVersionType,
  RecoveryOptionNameType,
  type SchemaAttributeType,
  type SetUserPoolMfaConfigCommandInput,
  type SmsConfigurationType,
  UsernameAttributeType,
  UserPoolMfaType,
  UserPoolTierType,
  UserVerificationType,
  VerifiedAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { compact, dropUndefined, enumList, enumValue, type Resolved } from "./convert";

export type UserPoolInputs = Resolved<aws.cognito.UserPoolArgs>;

export interface UserPoolCommands {
  create: CreateUserPoolCommandInput;
  /** Undefined when the inputs set no MFA-related setting. */
  mfa?: Omit<SetUserPoolMfaConfigCommandInput, "UserPoolId">;
}

export function schemaAttribute(s: NonNullable<UserPoolInputs["schemas"]>[number], i: number): SchemaAttributeType {
  return (
    compact<SchemaAttributeType>({
      Name: s.name,
      AttributeDataType: enumValue(AttributeDataType, s.attributeDataType, `schemas[${i}].attributeDataType`),
      DeveloperOnlyAttribute: s.developerOnlyAttribute,
      Mutable: s.mutable,
      Required: s.required,
      StringAttributeConstraints: s.stringAttributeConstraints
        ? compact({
            MinLength: s.stringAttributeConstraints.minLength,
            MaxLength: s.stringAttributeConstraints.maxLength,
          })
        : undefined,
      NumberAttributeConstraints: s.numberAttributeConstraints
        ? compact({ MinValue: s.numberAttributeConstraints.minValue, MaxValue: s.numberAttributeConstraints.maxValue })
        : undefined,
    }) ?? {}
  );
}

export function lambdaConfig(l: UserPoolInputs["lambdaConfig"]): LambdaConfigType | undefined {
  if (!l) return undefined;
  return compact<LambdaConfigType>({
    PreSignUp: l.preSignUp,
    CustomMessage: l.customMessage,
    PostConfirmation: l.postConfirmation,
    PreAuthentication: l.preAuthentication,
    PostAuthentication: l.postAuthentication,
    DefineAuthChallenge: l.defineAuthChallenge,
    CreateAuthChallenge: l.createAuthChallenge,
    VerifyAuthChallengeResponse: l.verifyAuthChallengeResponse,
    PreTokenGeneration: l.preTokenGeneration,
    UserMigration: l.userMigration,
    KMSKeyID: l.kmsKeyId,
    PreTokenGenerationConfig: l.preTokenGenerationConfig && {
      LambdaArn: l.preTokenGenerationConfig.lambdaArn,
      LambdaVersion: enumValue(
        PreTokenGenerationLambdaVersionType,
        l.preTokenGenerationConfig.lambdaVersion,
        "lambdaConfig.preTokenGenerationConfig.lambdaVersion",
      ),
    },
    CustomEmailSender: l.customEmailSender && {
      LambdaArn: l.customEmailSender.lambdaArn,
      LambdaVersion: enumValue(
        CustomEmailSenderLambdaVersionType,
        l.customEmailSender.lambdaVersion,
        "lambdaConfig.customEmailSender.lambdaVersion",
      ),
    },
    CustomSMSSender: l.customSmsSender && {
      LambdaArn: l.customSmsSender.lambdaArn,
      LambdaVersion: enumValue(
        CustomSMSSenderLambdaVersionType,
        l.customSmsSender.lambdaVersion,
        "lambdaConfig.customSmsSender.lambdaVersion",
      ),
    },
  });
}

function smsConfiguration(s: UserPoolInputs["smsConfiguration"]): SmsConfigurationType | undefined {
  return s
    ? compact<SmsConfigurationType>({ SnsCallerArn: s.snsCallerArn, ExternalId: s.externalId, SnsRegion: s.snsRegion })
    : undefined;
}

export function userPoolCommands(i: UserPoolInputs, fallbackName: string): UserPoolCommands {
  const pw = i.passwordPolicy;
  const vt = i.verificationMessageTemplate;
  const invite = i.adminCreateUserConfig?.inviteMessageTemplate;
  const create: CreateUserPoolCommandInput = {
    PoolName: i.name ?? fallbackName,
    Policies: compact({
      PasswordPolicy:
        pw &&
        compact({
          MinimumLength: pw.minimumLength,
          RequireUppercase: pw.requireUppercase,
          RequireLowercase: pw.requireLowercase,
          RequireNumbers: pw.requireNumbers,
          RequireSymbols: pw.requireSymbols,
          PasswordHistorySize: pw.passwordHistorySize,
          TemporaryPasswordValidityDays: pw.temporaryPasswordValidityDays,
        }),
      SignInPolicy:
        i.signInPolicy &&
        compact({
          AllowedFirstAuthFactors: enumList(
            AuthFactorType,
            i.signInPolicy.allowedFirstAuthFactors,
            "signInPolicy.allowedFirstAuthFactors",
          ),
        }),
    }),
    DeletionProtection: enumValue(DeletionProtectionType, i.deletionProtection, "deletionProtection"),
    LambdaConfig: lambdaConfig(i.lambdaConfig),
    AutoVerifiedAttributes: enumList(VerifiedAttributeType, i.autoVerifiedAttributes, "autoVerifiedAttributes"),
    AliasAttributes: enumList(AliasAttributeType, i.aliasAttributes, "aliasAttributes"),
    UsernameAttributes: enumList(UsernameAttributeType, i.usernameAttributes, "usernameAttributes"),
    SmsVerificationMessage: i.smsVerificationMessage,
    EmailVerificationMessage: i.emailVerificationMessage,
    EmailVerificationSubject: i.emailVerificationSubject,
    VerificationMessageTemplate:
      vt &&
      compact({
        SmsMessage: vt.smsMessage,
        EmailMessage: vt.emailMessage,
        EmailSubject: vt.emailSubject,
        EmailMessageByLink: vt.emailMessageByLink,
        EmailSubjectByLink: vt.emailSubjectByLink,
        DefaultEmailOption: enumValue(
          DefaultEmailOptionType,
          vt.defaultEmailOption,
          "verificationMessageTemplate.defaultEmailOption",
        ),
      }),
    SmsAuthenticationMessage: i.smsAuthenticationMessage,
    UserAttributeUpdateSettings: i.userAttributeUpdateSettings && {
      AttributesRequireVerificationBeforeUpdate: enumList(
        VerifiedAttributeType,
        i.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates,
        "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
      ),
    },
    DeviceConfiguration:
      i.deviceConfiguration &&
      compact({
        ChallengeRequiredOnNewDevice: i.deviceConfiguration.challengeRequiredOnNewDevice,
        DeviceOnlyRememberedOnUserPrompt: i.deviceConfiguration.deviceOnlyRememberedOnUserPrompt,
      }),
    EmailConfiguration:
      i.emailConfiguration &&
      compact({
        SourceArn: i.emailConfiguration.sourceArn || undefined,
        ReplyToEmailAddress: i.emailConfiguration.replyToEmailAddress,
        EmailSendingAccount: enumValue(
          EmailSendingAccountType,
          i.emailConfiguration.emailSendingAccount,
          "emailConfiguration.emailSendingAccount",
        ),
        From: i.emailConfiguration.fromEmailAddress,
        ConfigurationSet: i.emailConfiguration.configurationSet,
      }),
    SmsConfiguration: smsConfiguration(i.smsConfiguration),
    UserPoolTags: i.tags && Object.keys(i.tags).length ? i.tags : undefined,
    AdminCreateUserConfig:
      i.adminCreateUserConfig &&
      compact({
        AllowAdminCreateUserOnly: i.adminCreateUserConfig.allowAdminCreateUserOnly,
        InviteMessageTemplate:
          invite &&
          compact({
            SMSMessage: invite.smsMessage,
            EmailMessage: invite.emailMessage,
            EmailSubject: invite.emailSubject,
          }),
      }),
    Schema: i.schemas?.length ? i.schemas.map(schemaAttribute) : undefined,
    UserPoolAddOns:
      i.userPoolAddOns &&
      compact({
        AdvancedSecurityMode: enumValue(
          AdvancedSecurityModeType,
          i.userPoolAddOns.advancedSecurityMode,
          "userPoolAddOns.advancedSecurityMode",
        ),
        AdvancedSecurityAdditionalFlows:
          i.userPoolAddOns.advancedSecurityAdditionalFlows &&
          compact({
            CustomAuthMode: enumValue(
              AdvancedSecurityEnabledModeType,
              i.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode,
              "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode",
            ),
          }),
      }),
    UsernameConfiguration: i.usernameConfiguration && { CaseSensitive: i.usernameConfiguration.caseSensitive },
    AccountRecoverySetting: i.accountRecoverySetting && {
      RecoveryMechanisms: i.accountRecoverySetting.recoveryMechanisms?.map((m, n) => ({
        Name: enumValue(RecoveryOptionNameType, m.name, `accountRecoverySetting.recoveryMechanisms[${n}].name`),
        Priority: m.priority,
      })),
    },
    UserPoolTier: enumValue(UserPoolTierType, i.userPoolTier, "userPoolTier"),
  };

  const sms = smsConfiguration(i.smsConfiguration);
  const hasMfaSettings =
    i.mfaConfiguration !== undefined ||
    i.softwareTokenMfaConfiguration !== undefined ||
    i.emailMfaConfiguration !== undefined ||
    i.webAuthnConfiguration !== undefined;
  const mfa: UserPoolCommands["mfa"] = hasMfaSettings
    ? compact({
        MfaConfiguration: enumValue(UserPoolMfaType, i.mfaConfiguration, "mfaConfiguration"),
        SoftwareTokenMfaConfiguration: i.softwareTokenMfaConfiguration && {
          Enabled: i.softwareTokenMfaConfiguration.enabled,
        },
        SmsMfaConfiguration:
          sms && compact({ SmsAuthenticationMessage: i.smsAuthenticationMessage, SmsConfiguration: sms }),
        EmailMfaConfiguration:
          i.emailMfaConfiguration &&
          compact({ Message: i.emailMfaConfiguration.message, Subject: i.emailMfaConfiguration.subject }),
        WebAuthnConfiguration:
          i.webAuthnConfiguration &&
          compact({
            RelyingPartyId: i.webAuthnConfiguration.relyingPartyId,
            UserVerification: enumValue(
              UserVerificationType,
              i.webAuthnConfiguration.userVerification,
              "webAuthnConfiguration.userVerification",
            ),
          }),
      })
    : undefined;

  return { create: dropUndefined(create), mfa };
}
