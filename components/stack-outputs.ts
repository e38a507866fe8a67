import * as pulumi from "@pulumi/pulumi";
import type { ClientModel, StackModel } from "../config/model";
import { dropUndefined } from "../util/objects";
import { appConfig } from "./app-config";

/** The built resources the outputs read; CognitoAuth hands them over. */
export interface StackOutputsInput {
  userPoolId: pulumi.Output<string>;
  userPoolArn: pulumi.Output<string>;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or the custom domain; absent without a domain. */
  hostedUiBaseUrl?: pulumi.Output<string>;
  /** By client key. */
  clients: Record<
    string,
    {
      clientId: pulumi.Output<string>;
      clientSecret?: pulumi.Output<string>;
      loginUrl?: pulumi.Output<string>;
      logoutUrl?: pulumi.Output<string>;
    }
  >;
  /** Seed users' temporary passwords (secret), by username. */
  seedUserPasswords: Record<string, pulumi.Output<string>>;
  identityPoolId?: pulumi.Output<string>;
}

/** A client's settings as its output reports them: what Cognito ends up with. */
function clientSettings(c: ClientModel) {
  return {
    kind: c.kind,
    explicitAuthFlows: c.explicitAuthFlows,
    allowedOauthFlows: c.allowedOauthFlows,
    allowedOauthScopes: c.allowedOauthScopes,
    callbackUrls: c.callbackUrls,
    logoutUrls: c.logoutUrls,
    preventUserExistenceErrors: c.preventUserExistenceErrors,
    readAttributes: c.readAttributes,
  };
}

/**
 * The stack outputs (outputs/stack-outputs.ts): ids, endpoints, per-client settings and URLs, and the
 * app config a front end loads. Secrets (client secrets, seed passwords) stay secret outputs.
 */
export function buildStackOutputs(m: StackModel, built: StackOutputsInput) {
  const issuer = pulumi.interpolate`https://cognito-idp.${m.region}.amazonaws.com/${built.userPoolId}`;
  const pw = m.pool.passwordPolicy;
  return {
    stack: m.stack,
    environment: m.environment,
    region: m.region,
    userPoolId: built.userPoolId,
    userPoolArn: built.userPoolArn,
    issuer,
    jwksUri: pulumi.interpolate`${issuer}/.well-known/jwks.json`,
    hostedUiBaseUrl: built.hostedUiBaseUrl,
    mfaConfiguration: m.pool.mfaConfiguration,
    passwordPolicy: {
      minimumLength: pw.minimumLength,
      requireLowercase: pw.requireLowercase,
      requireUppercase: pw.requireUppercase,
      requireNumbers: pw.requireNumbers,
      requireSymbols: pw.requireSymbols,
    },
    customAttributes: m.pool.schemas.map((a) => a.name),
    groups: m.groupsByPrecedence.map(([g]) => g),
    clients: clientOutputs(m, built),
    seedUsers: seedUserOutputs(m, built.seedUserPasswords),
    ...(built.identityPoolId ? { identityPoolId: built.identityPoolId } : {}),
    appConfig: appConfig(m, built),
  };
}

/** Absent secrets and URLs are left out rather than `undefined`. */
function clientOutputs(m: StackModel, built: StackOutputsInput) {
  return Object.fromEntries(
    Object.entries(built.clients).map(([key, client]) => [
      key,
      {
        clientId: client.clientId,
        ...clientSettings(m.clients[key]),
        ...dropUndefined({ clientSecret: client.clientSecret, loginUrl: client.loginUrl, logoutUrl: client.logoutUrl }),
      },
    ]),
  );
}

function seedUserOutputs(m: StackModel, passwords: Record<string, pulumi.Output<string>>) {
  return Object.fromEntries(
    Object.entries(passwords).map(([username, password]) => [
      username,
      {
        username,
        temporaryPassword: pulumi.secret(password),
        groups: m.seedUsers[username]?.groups ?? [],
      },
    ]),
  );
}
