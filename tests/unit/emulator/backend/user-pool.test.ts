import * as assert from "node:assert";
import { MappingError } from "../../../../emulator/backend/convert";
import {
  lambdaConfig,
  schemaAttribute,
  type UserPoolInputs,
  userPoolCommands,
} from "../../../../emulator/backend/user-pool";

/** Shaped like the dev stack's pool inputs (components/user-pool.ts), written out by hand. */
const DEV_LIKE: UserPoolInputs = {
  name: "cognito-auth-dev",
  usernameAttributes: ["email"],
  usernameConfiguration: { caseSensitive: false },
  autoVerifiedAttributes: ["email"],
  passwordPolicy: {
    minimumLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireNumbers: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 1,
    passwordHistorySize: 5,
  },
  mfaConfiguration: "OPTIONAL",
  softwareTokenMfaConfiguration: { enabled: true },
  smsAuthenticationMessage: "Your sign-in code is {####}",
  smsConfiguration: { externalId: "ext-1", snsCallerArn: "arn:aws:iam::123456789012:role/sms", snsRegion: "us-east-1" },
  emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
  deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
  adminCreateUserConfig: {
    allowAdminCreateUserOnly: false,
    inviteMessageTemplate: {
      emailSubject: "Your new account",
      emailMessage: "{username} {####}",
      smsMessage: "{username} {####}",
    },
  },
  userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: ["email"] },
  verificationMessageTemplate: {
    defaultEmailOption: "CONFIRM_WITH_CODE",
    emailSubject: "Code",
    emailMessage: "Code {####}",
    smsMessage: "Code {####}",
  },
  schemas: [
    {
      name: "email",
      attributeDataType: "String",
      required: true,
      mutable: true,
      developerOnlyAttribute: false,
      stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
    },
    {
      name: "customer_tier",
      attributeDataType: "String",
      mutable: true,
      required: false,
      developerOnlyAttribute: false,
      stringAttributeConstraints: { minLength: "1", maxLength: "32" },
    },
    {
      name: "score",
      attributeDataType: "Number",
      mutable: true,
      numberAttributeConstraints: { minValue: "0", maxValue: "100" },
    },
  ],
  accountRecoverySetting: {
    recoveryMechanisms: [
      { name: "verified_email", priority: 1 },
      { name: "verified_phone_number", priority: 2 },
    ],
  },
  userPoolTier: "ESSENTIALS",
  userPoolAddOns: { advancedSecurityMode: "OFF" },
  deletionProtection: "INACTIVE",
  tags: { project: "cognito-auth" },
};

describe("emulator/backend/user-pool", () => {
  it("maps the password policy (camelCase) into Policies.PasswordPolicy (PascalCase)", () => {
    const { create } = userPoolCommands(DEV_LIKE, "fallback");
    assert.deepStrictEqual(create.Policies, {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        PasswordHistorySize: 5,
        TemporaryPasswordValidityDays: 1,
      },
    });
  });

  it("maps sign-in, messaging, recovery and tier settings to CreateUserPool members", () => {
    const { create } = userPoolCommands(DEV_LIKE, "fallback");
    assert.strictEqual(create.PoolName, "cognito-auth-dev");
    assert.deepStrictEqual(create.UsernameAttributes, ["email"]);
    assert.deepStrictEqual(create.UsernameConfiguration, { CaseSensitive: false });
    assert.deepStrictEqual(create.AutoVerifiedAttributes, ["email"]);
    assert.deepStrictEqual(create.SmsConfiguration, {
      SnsCallerArn: "arn:aws:iam::123456789012:role/sms",
      ExternalId: "ext-1",
      SnsRegion: "us-east-1",
    });
    assert.deepStrictEqual(create.EmailConfiguration, { EmailSendingAccount: "COGNITO_DEFAULT" });
    assert.deepStrictEqual(create.AdminCreateUserConfig, {
      AllowAdminCreateUserOnly: false,
      InviteMessageTemplate: {
        SMSMessage: "{username} {####}",
        EmailMessage: "{username} {####}",
        EmailSubject: "Your new account",
      },
    });
    assert.deepStrictEqual(create.UserAttributeUpdateSettings, {
      AttributesRequireVerificationBeforeUpdate: ["email"],
    });
    assert.deepStrictEqual(create.VerificationMessageTemplate, {
      SmsMessage: "Code {####}",
      EmailMessage: "Code {####}",
      EmailSubject: "Code",
      DefaultEmailOption: "CONFIRM_WITH_CODE",
    });
    assert.deepStrictEqual(create.AccountRecoverySetting, {
      RecoveryMechanisms: [
        { Name: "verified_email", Priority: 1 },
        { Name: "verified_phone_number", Priority: 2 },
      ],
    });
    assert.deepStrictEqual(create.DeviceConfiguration, {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    });
    assert.strictEqual(create.UserPoolTier, "ESSENTIALS");
    assert.deepStrictEqual(create.UserPoolAddOns, { AdvancedSecurityMode: "OFF" });
    assert.strictEqual(create.DeletionProtection, "INACTIVE");
    assert.deepStrictEqual(create.UserPoolTags, { project: "cognito-auth" });
    assert.strictEqual(create.SmsAuthenticationMessage, "Your sign-in code is {####}");
  });

  it("keeps MFA out of CreateUserPool and puts it, with TOTP and SMS MFA, into SetUserPoolMfaConfig", () => {
    const { create, mfa } = userPoolCommands(DEV_LIKE, "fallback");
    assert.ok(!("MfaConfiguration" in create));
    assert.deepStrictEqual(mfa, {
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: "Your sign-in code is {####}",
        SmsConfiguration: {
          SnsCallerArn: "arn:aws:iam::123456789012:role/sms",
          ExternalId: "ext-1",
          SnsRegion: "us-east-1",
        },
      },
    });
  });

  it("sends no SetUserPoolMfaConfig when no MFA setting is given, and falls back to the given name", () => {
    const r = userPoolCommands({ usernameAttributes: ["email"] }, "cognito-pool-user-pool-1a2b3c4");
    assert.strictEqual(r.mfa, undefined);
    assert.strictEqual(r.create.PoolName, "cognito-pool-user-pool-1a2b3c4");
    assert.deepStrictEqual(Object.keys(r.create).sort(), ["PoolName", "UsernameAttributes"]);
  });

  it("maps schema attributes with string and number constraints", () => {
    const { create } = userPoolCommands(DEV_LIKE, "x");
    assert.deepStrictEqual(create.Schema?.[1], {
      Name: "customer_tier",
      AttributeDataType: "String",
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      StringAttributeConstraints: { MinLength: "1", MaxLength: "32" },
    });
    assert.deepStrictEqual(
      schemaAttribute(
        { name: "score", attributeDataType: "Number", numberAttributeConstraints: { minValue: "0", maxValue: "100" } },
        0,
      ),
      {
        Name: "score",
        AttributeDataType: "Number",
        NumberAttributeConstraints: { MinValue: "0", MaxValue: "100" },
      },
    );
  });

  it("maps lambda triggers, including versioned ones", () => {
    assert.deepStrictEqual(
      lambdaConfig({
        preSignUp: "arn:aws:lambda:us-east-1:1:function:pre",
        kmsKeyId: "arn:aws:kms:us-east-1:1:key/k",
        preTokenGenerationConfig: { lambdaArn: "arn:aws:lambda:us-east-1:1:function:ptg", lambdaVersion: "V2_0" },
        customEmailSender: { lambdaArn: "arn:aws:lambda:us-east-1:1:function:mail", lambdaVersion: "V1_0" },
      }),
      {
        PreSignUp: "arn:aws:lambda:us-east-1:1:function:pre",
        KMSKeyID: "arn:aws:kms:us-east-1:1:key/k",
        PreTokenGenerationConfig: { LambdaArn: "arn:aws:lambda:us-east-1:1:function:ptg", LambdaVersion: "V2_0" },
        CustomEmailSender: { LambdaArn: "arn:aws:lambda:us-east-1:1:function:mail", LambdaVersion: "V1_0" },
      },
    );
    assert.strictEqual(lambdaConfig(undefined), undefined);
  });

  it("maps the sign-in policy and WebAuthn settings", () => {
    const r = userPoolCommands(
      {
        signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] },
        webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },
      },
      "x",
    );
    assert.deepStrictEqual(r.create.Policies, { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } });
    assert.deepStrictEqual(r.mfa, {
      WebAuthnConfiguration: { RelyingPartyId: "auth.example.com", UserVerification: "required" },
    });
  });

  it("refuses a value the API enum does not have instead of sending it", () => {
    assert.throws(
      () => userPoolCommands({ mfaConfiguration: "SOMETIMES" }, "x"),
      (e: unknown) =>
        e instanceof MappingError && /mfaConfiguration: "SOMETIMES" is not one of OFF, ON, OPTIONAL/.test(e.message),
    );
    assert.throws(
      () => userPoolCommands({ usernameAttributes: ["email", "nickname"] }, "x"),
      /usernameAttributes\[1\]/,
    );
  });
});
