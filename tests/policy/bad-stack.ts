/** An offline run (as offline/runner.ts records it) in which every rule of the pack has a violation. */

import type { RecordedResource } from "../../offline/recorded-resource";
import type { RunResult } from "../../offline/runner";
import { doc, goodClient, goodPool, POOL_ARN, POOL_ID } from "./fixtures";
import { T, withProp } from "./harness";

/** A production stack name, so that rules which see production only by stack name or tag apply too. */
const STACK = "prod";

export function recorded(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  extra: Partial<RecordedResource> = {},
): RecordedResource {
  return {
    type,
    name,
    urn: `urn:pulumi:${STACK}::cognito-auth::${type}::${name}`,
    custom: true,
    inputs,
    secretPaths: [],
    id: name,
    state: { ...inputs },
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    dependsOn: [],
    ...extra,
  };
}

const SMS_ROLE = "arn:aws:iam::123456789012:role/sms";
const GUEST_ROLE = "arn:aws:iam::123456789012:role/guest";

function badPool(): Record<string, unknown> {
  let p = goodPool();
  for (const [k, v] of Object.entries({
    mfaConfiguration: "OFF",
    softwareTokenMfaConfiguration: undefined,
    "passwordPolicy.minimumLength": 6,
    "passwordPolicy.temporaryPasswordValidityDays": 30,
    userPoolTier: "ESSENTIALS",
    "userPoolAddOns.advancedSecurityMode": "AUDIT",
    lambdaConfig: { defineAuthChallenge: "arn:aws:lambda:us-east-1:123456789012:function:define" },
    deletionProtection: "INACTIVE",
    "adminCreateUserConfig.allowAdminCreateUserOnly": false,
    "usernameConfiguration.caseSensitive": true,
    accountRecoverySetting: undefined,
    emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
    "smsConfiguration.snsCallerArn": SMS_ROLE,
    "smsConfiguration.externalId": "not-the-roles",
  }))
    p = withProp(p, k, v);
  return p;
}

function badClient(): Record<string, unknown> {
  let c = goodClient();
  for (const [k, v] of Object.entries({
    preventUserExistenceErrors: "LEGACY",
    enableTokenRevocation: false,
    allowedOauthFlows: ["implicit"],
    callbackUrls: ["http://app.example.com/cb"],
    generateSecret: true,
    accessTokenValidity: 2,
    "tokenValidityUnits.accessToken": "days",
    refreshTokenRotation: undefined,
    authSessionValidity: 10,
    // Okta is in no stack (cannot judge); Corp-SAML is defined, but for another pool.
    supportedIdentityProviders: ["COGNITO", "Okta", "Corp-SAML"],
  }))
    c = withProp(c, k, v);
  return c;
}

/** MFA OFF (so the factor rule does not apply) is on `pool`; `mfa-pool` has MFA ON with no factor. */
export function badStack(): RunResult {
  const pool = recorded(T.userPool, "pool", badPool(), { id: POOL_ID });
  pool.state.arn = POOL_ARN;
  const mfaPool = recorded(
    T.userPool,
    "mfa-pool",
    withProp(withProp(goodPool(), "softwareTokenMfaConfiguration", undefined), "smsConfiguration", undefined),
    { id: "us-east-1_Mfa" },
  );
  const smsRole = recorded(T.role, "sms", {
    assumeRolePolicy: JSON.stringify(
      doc({ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole" }),
    ),
  });
  smsRole.state.arn = SMS_ROLE;
  const identityRole = recorded(T.role, "guest", {
    assumeRolePolicy: JSON.stringify(
      doc({
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
      }),
    ),
    inlinePolicies: [{ name: "all", policy: JSON.stringify(doc({ Effect: "Allow", Action: "*", Resource: "*" })) }],
  });
  identityRole.state.arn = GUEST_ROLE;
  return {
    stack: STACK,
    resources: [
      recorded("cognito-auth:index:CognitoAuth", "cognito", {}, { custom: false, id: undefined, state: {} }),
      pool,
      // Replicated with neither a multi-Region key nor a regional configuration.
      recorded("aws-native:cognito:UserPoolReplica", "replica", { userPoolId: POOL_ID, regionName: "us-west-2" }),
      mfaPool,
      recorded(T.userPoolClient, "web", badClient()),
      recorded(T.identityProvider, "corp-saml", {
        userPoolId: "us-east-1_Mfa",
        providerName: "Corp-SAML",
        providerType: "SAML",
      }),
      // Sends SMS through a role of another stack, which the pack cannot judge.
      recorded(
        T.userPool,
        "shared-sms-pool",
        withProp(goodPool(), "smsConfiguration.snsCallerArn", "arn:aws:iam::999999999999:role/shared-sms"),
        { id: "us-east-1_Shared" },
      ),
      smsRole,
      recorded(T.rolePolicy, "sms-publish", {
        role: "sms",
        policy: JSON.stringify(doc({ Effect: "Allow", Action: "sns:*", Resource: "*" })),
      }),
      recorded(T.identityPool, "identities", {
        identityPoolName: "bad",
        allowUnauthenticatedIdentities: true,
        allowClassicFlow: true,
        cognitoIdentityProviders: [{ clientId: "web", providerName: `cognito-idp.us-east-1.amazonaws.com/${POOL_ID}` }],
      }),
      identityRole,
      recorded(
        T.user,
        "seed",
        { userPoolId: POOL_ID, username: "admin@example.com", temporaryPassword: "Secret-1!" },
        { secretPaths: ["temporaryPassword"] },
      ),
      recorded(T.lambdaPermission, "invoke", {
        action: "lambda:InvokeFunction",
        function: "define",
        principal: "cognito-idp.amazonaws.com",
      }),
    ],
    outputs: { environment: "prod" },
    secretOutputPaths: [],
    createdLate: [],
  };
}
