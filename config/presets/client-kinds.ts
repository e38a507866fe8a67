import type { ClientConfig } from "../schema/clients";

type Kind = ClientConfig["kind"];

const tokens: Partial<ClientConfig> = {
  accessTokenValidity: 60,
  idTokenValidity: 60,
  refreshTokenValidity: 30,
  tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
  authSessionValidity: 3,
  preventUserExistenceErrors: "ENABLED",
  enableTokenRevocation: true,
};

const userAttributes = {
  readAttributes: [
    "email", "email_verified", "given_name", "family_name", "name",
    "custom:customer_tier", "custom:subscription_status", "custom:last_login",
  ],
  writeAttributes: ["given_name", "family_name", "name"],
};

/** Secure defaults per client kind; a client's own keys override them. */
export const CLIENT_KIND_DEFAULTS: Record<Kind, Omit<ClientConfig, "kind">> = {
  /** Browser SPA: public, authorization code with PKCE, SRP; never implicit. */
  web: {
    ...tokens, ...userAttributes,
    generateSecret: false,
    allowedOauthFlows: ["code"],
    allowedOauthScopes: ["openid", "email", "profile"],
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  },
  /** Confidential web backend: secret, authorization code; may post passwords server-side. */
  server: {
    ...tokens, ...userAttributes,
    generateSecret: true,
    allowedOauthFlows: ["code"],
    allowedOauthScopes: ["openid", "email", "profile"],
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    enablePropagateAdditionalUserContextData: true,
  },
  /** Service to service: secret, client_credentials with resource-server scopes, no users. */
  machine: {
    ...tokens,
    generateSecret: true,
    allowedOauthFlows: ["client_credentials"],
    allowedOauthScopes: [],
    explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    readAttributes: [],
    writeAttributes: [],
    includeCognito: false,
  },
  /** Mobile app: public, authorization code with PKCE, SRP. */
  native: {
    ...tokens, ...userAttributes,
    generateSecret: false,
    allowedOauthFlows: ["code"],
    allowedOauthScopes: ["openid", "email", "profile"],
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  },
};
