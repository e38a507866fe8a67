/** Known-good resource props (as the prod stack sets them) that tests weaken one field at a time. */

export const POOL_ID = "us-east-1_AbCdEf123";
export const POOL_ARN = `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`;
export const EXTERNAL_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
export const SMS_ROLE_ARN = "arn:aws:iam::123456789012:role/sms-role";
export const IDENTITY_POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";

export function goodPool(): Record<string, unknown> {
  return {
    name: "cognito-auth-prod",
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    smsConfiguration: { externalId: EXTERNAL_ID, snsCallerArn: SMS_ROLE_ARN, snsRegion: "us-east-1" },
    passwordPolicy: {
      minimumLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      temporaryPasswordValidityDays: 1,
    },
    userPoolTier: "PLUS",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
    deletionProtection: "ACTIVE",
    adminCreateUserConfig: { allowAdminCreateUserOnly: true },
    usernameConfiguration: { caseSensitive: false },
    accountRecoverySetting: {
      recoveryMechanisms: [
        { name: "verified_email", priority: 1 },
        { name: "verified_phone_number", priority: 2 },
      ],
    },
    emailConfiguration: {
      emailSendingAccount: "DEVELOPER",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
    },
    tags: { environment: "prod" },
  };
}

export function goodClient(): Record<string, unknown> {
  return {
    name: "web",
    userPoolId: POOL_ID,
    generateSecret: false,
    allowedOauthFlows: ["code"],
    callbackUrls: ["https://app.example.com/auth/callback"],
    logoutUrls: ["https://app.example.com/"],
    defaultRedirectUri: "https://app.example.com/auth/callback",
    preventUserExistenceErrors: "ENABLED",
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 30,
    tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
    authSessionValidity: 3,
    refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 10 },
    supportedIdentityProviders: ["COGNITO"],
  };
}

type Doc = { Version: string; Statement: Array<Record<string, unknown>> };

export function doc(...statements: Array<Record<string, unknown>>): Doc {
  return { Version: "2012-10-17", Statement: statements };
}

/** The SMS role's trust statement as components/messaging.ts writes it. */
export function smsTrustStatement(externalId = EXTERNAL_ID): Record<string, unknown> {
  return {
    Effect: "Allow",
    Principal: { Service: "cognito-idp.amazonaws.com" },
    Action: "sts:AssumeRole",
    Condition: {
      StringEquals: { "sts:ExternalId": externalId, "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/*" },
    },
  };
}

export function identityTrustStatement(amr = "authenticated"): Record<string, unknown> {
  return {
    Effect: "Allow",
    Principal: { Federated: "cognito-identity.amazonaws.com" },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: { "cognito-identity.amazonaws.com:aud": IDENTITY_POOL_ID },
      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
    },
  };
}

export const PUBLISH_ONLY = doc(
  { Effect: "Allow", Action: "sns:Publish", Resource: "*" },
  { Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws:sns:*:*:*" },
);
