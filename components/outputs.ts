import * as pulumi from "@pulumi/pulumi";
import type { LoadedConfig } from "../config";
import type { CognitoAuth } from "./cognito-auth";

/**
 * The stack outputs (lib/stack-outputs.ts): ids, endpoints, per-client settings and URLs, and the
 * app config a front end loads. Secrets (client secrets, seed passwords) stay secret outputs.
 */
export function buildStackOutputs(loaded: LoadedConfig, auth: Pick<CognitoAuth, "pool" | "clients" | "domain" | "groups" | "seedUsers" | "identityPool">) {
  const { config: c, region, stack } = loaded;
  const pool = auth.pool.userPool;
  const issuer = pulumi.interpolate`https://cognito-idp.${region}.amazonaws.com/${pool.id}`;
  const pw = c.pool.passwordPolicy;
  return {
    stack,
    environment: c.environment,
    region,
    userPoolId: pool.id,
    userPoolArn: pool.arn,
    issuer,
    jwksUri: pulumi.interpolate`${issuer}/.well-known/jwks.json`,
    hostedUiBaseUrl: auth.domain?.baseUrl,
    mfaConfiguration: c.pool.mfaConfiguration,
    passwordPolicy: {
      minimumLength: pw.minimumLength,
      requireLowercase: pw.requireLowercase,
      requireUppercase: pw.requireUppercase,
      requireNumbers: pw.requireNumbers,
      requireSymbols: pw.requireSymbols,
    },
    customAttributes: c.pool.schemas.map((a) => a.name),
    groups: Object.entries(c.groups).sort(([, a], [, b]) => a.precedence - b.precedence).map(([g]) => g),
    // TODO(issue 3): clients, seedUsers, identityPoolId, appConfig.
    clients: {},
    seedUsers: {},
    appConfig: {},
  };
}
