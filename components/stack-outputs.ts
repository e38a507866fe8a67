import * as pulumi from "@pulumi/pulumi";
import type { LoadedConfig } from "../config";
import { PUBLIC_KINDS, signsInUsers } from "../config/presets/client-kinds";
import type { StackConfig } from "../config/schema";
import type { ClientConfig } from "../config/schema/clients";
import type { IdentityProviderConfig } from "../config/schema/identity-providers";
import { dropUndefined } from "../util/objects";
import type { CognitoAuth } from "./cognito-auth";
import type { CognitoUserPoolClient } from "./user-pool-client";

type Auth = Pick<CognitoAuth, "pool" | "clients" | "domain" | "groups" | "seedUsers" | "identityPool">;

/** The Amplify version string `Amplify.configure` recognises as Gen 2 outputs (it checks the major only). */
export const APP_CONFIG_VERSION = "1.4";

/** Amplify's names for the social providers it offers buttons for; SAML and OIDC are named at sign-in instead. */
const AMPLIFY_PROVIDERS: Partial<Record<IdentityProviderConfig["type"], string>> = {
  google: "GOOGLE",
  facebook: "FACEBOOK",
  amazon: "LOGIN_WITH_AMAZON",
  apple: "SIGN_IN_WITH_APPLE",
};
const AMPLIFY_MFA = { OFF: "NONE", OPTIONAL: "OPTIONAL", ON: "REQUIRED" } as const;

/**
 * The stack outputs (outputs/stack-outputs.ts): ids, endpoints, per-client settings and URLs, and the
 * app config a front end loads. Secrets (client secrets, seed passwords) stay secret outputs.
 */
export function buildStackOutputs(loaded: LoadedConfig, auth: Auth) {
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
    groups: groupsByPrecedence(c).map(([g]) => g),
    clients: clientOutputs(auth.clients),
    seedUsers: seedUserOutputs(c, auth.seedUsers.passwords),
    ...(auth.identityPool ? { identityPoolId: auth.identityPool.identityPool.id } : {}),
    appConfig: appConfig(loaded, auth),
  };
}

function groupsByPrecedence(c: StackConfig): Array<[string, number]> {
  return Object.entries(c.groups)
    .map(([g, v]) => [g, v.precedence] as [string, number])
    .sort(([, a], [, b]) => a - b);
}

/** Absent secrets and URLs are left out rather than `undefined`. */
function clientOutputs(clients: Record<string, CognitoUserPoolClient>) {
  return Object.fromEntries(
    Object.entries(clients).map(([key, client]) => [
      key,
      {
        clientId: client.clientId,
        ...client.resolved,
        ...dropUndefined({ clientSecret: client.clientSecret, loginUrl: client.loginUrl, logoutUrl: client.logoutUrl }),
      },
    ]),
  );
}

function seedUserOutputs(c: StackConfig, passwords: Record<string, pulumi.Output<string>>) {
  return Object.fromEntries(
    Object.entries(passwords).map(([username, password]) => [
      username,
      {
        username,
        temporaryPassword: pulumi.secret(password),
        groups: c.seedUsers[username]?.groups ?? [],
      },
    ]),
  );
}

/** The `web` client, else the first public client: the one a browser or app front end uses. */
export function appClientKey(clients: Record<string, ClientConfig>): string | undefined {
  const isPublic = (k: string): boolean => PUBLIC_KINDS.includes(clients[k].kind) && !clients[k].generateSecret;
  const keys = Object.keys(clients);
  return keys.includes("web") && isPublic("web") ? "web" : keys.find(isPublic);
}

/**
 * Amplify Gen 2's `amplify_outputs.json` (`version` and `auth`), which `Amplify.configure` takes
 * as is. Without a public client there is nothing a front end could use, so `auth` is left out.
 */
function appConfig(loaded: LoadedConfig, auth: Auth) {
  const { config: c, region } = loaded;
  const key = appClientKey(c.clients);
  if (key === undefined || !auth.clients[key]) return { version: APP_CONFIG_VERSION };
  const client = auth.clients[key];
  const cc = c.clients[key];
  const p = c.pool;
  const pw = p.passwordPolicy;
  const mfaMethods =
    p.mfaConfiguration === "OFF"
      ? []
      : [...(c.messaging.sms.enabled ? ["SMS"] : []), ...(p.softwareTokenMfaConfiguration.enabled ? ["TOTP"] : [])];
  const oauth =
    auth.domain && signsInUsers(cc)
      ? {
          identity_providers: (cc.identityProviders ?? []).flatMap((k) => {
            const name = c.identityProviders[k] ? AMPLIFY_PROVIDERS[c.identityProviders[k].type] : undefined;
            return name ? [name] : [];
          }),
          domain: auth.domain.baseUrl.apply((u) => u.replace(/^https:\/\//, "")),
          scopes: client.resolved.allowedOauthScopes,
          redirect_sign_in_uri: client.resolved.callbackUrls,
          redirect_sign_out_uri: client.resolved.logoutUrls,
          response_type: "code",
        }
      : undefined;
  return {
    version: APP_CONFIG_VERSION,
    auth: {
      aws_region: region,
      user_pool_id: auth.pool.userPool.id,
      user_pool_client_id: client.clientId,
      ...(auth.identityPool ? { identity_pool_id: auth.identityPool.identityPool.id } : {}),
      password_policy: {
        min_length: pw.minimumLength,
        require_lowercase: pw.requireLowercase,
        require_numbers: pw.requireNumbers,
        require_symbols: pw.requireSymbols,
        require_uppercase: pw.requireUppercase,
      },
      ...(oauth ? { oauth } : {}),
      username_attributes: p.usernameAttributes ?? [],
      standard_required_attributes: p.requiredStandardAttributes,
      user_verification_types: p.autoVerifiedAttributes,
      unauthenticated_identities_enabled: c.identityPool.enabled && c.identityPool.allowUnauthenticatedIdentities,
      mfa_configuration: AMPLIFY_MFA[p.mfaConfiguration],
      mfa_methods: mfaMethods,
      groups: groupsByPrecedence(c).map(([g, precedence]) => ({ [g]: { precedence } })),
    },
  };
}
