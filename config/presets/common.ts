import type { StackConfig } from "../schema";

/** Everything dev and prod share; each preset overrides what differs. */
export function commonPreset(stack: string): Omit<StackConfig, "environment"> {
  return {
    pool: {
      name: `cognito-auth-${stack}`,
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
      deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
      adminCreateUserConfig: {
        allowAdminCreateUserOnly: false,
        inviteMessageTemplate: {
          emailSubject: "Your new account",
          emailMessage: "Your username is {username} and your temporary password is {####}",
          smsMessage: "Your username is {username} and your temporary password is {####}",
        },
      },
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: ["email"] },
      verificationMessageTemplate: {
        defaultEmailOption: "CONFIRM_WITH_CODE",
        emailSubject: "Your verification code",
        emailMessage: "Your verification code is {####}",
        smsMessage: "Your verification code is {####}",
      },
      schemas: [
        {
          name: "customer_tier",
          attributeDataType: "String",
          mutable: true,
          required: false,
          developerOnlyAttribute: false,
          stringAttributeConstraints: { minLength: 1, maxLength: 32 },
        },
        {
          name: "last_login",
          attributeDataType: "DateTime",
          mutable: true,
          required: false,
          developerOnlyAttribute: false,
        },
        {
          name: "subscription_status",
          attributeDataType: "String",
          mutable: true,
          required: false,
          developerOnlyAttribute: false,
          stringAttributeConstraints: { minLength: 1, maxLength: 32 },
        },
      ],
      requiredStandardAttributes: ["email"],
      accountRecoverySetting: {
        recoveryMechanisms: [
          { name: "verified_email", priority: 1 },
          { name: "verified_phone_number", priority: 2 },
        ],
      },
      userPoolTier: "ESSENTIALS",
      userPoolAddOns: { advancedSecurityMode: "OFF" },
      deletionProtection: "INACTIVE",
      protect: false,
      replacementGuard: false,
    },
    messaging: {
      email: { emailSendingAccount: "COGNITO_DEFAULT" },
      sms: { enabled: false },
    },
    clients: {
      web: { kind: "web" },
      backend: { kind: "server" },
      service: { kind: "machine", allowedOauthScopes: ["api/read"] },
    },
    resourceServers: {
      api: {
        identifier: `https://api.${stack}.example.com`,
        name: "API",
        scopes: [
          { scopeName: "read", scopeDescription: "Read access to the API" },
          { scopeName: "write", scopeDescription: "Write access to the API" },
        ],
      },
    },
    domain: { enabled: true, randomSuffix: true, managedLoginVersion: 2 },
    identityProviders: {},
    groups: {
      Administrators: { description: "Administrators with full access", precedence: 1 },
      PremiumCustomers: { description: "Customers with a premium subscription", precedence: 5 },
      Customers: { description: "All customers", precedence: 10 },
    },
    identityPool: {
      enabled: false,
      allowUnauthenticatedIdentities: false,
      authenticatedPolicy: [],
      unauthenticatedPolicy: [],
      roleMapping: { ambiguousRoleResolution: "AuthenticatedRole" },
    },
    seedUsers: {},
    triggers: {},
    waf: { enabled: false },
    authEventLogs: { enabled: false },
    monitoring: { enabled: false },
    tags: { project: "cognito-auth", "managed-by": "pulumi" },
  };
}
