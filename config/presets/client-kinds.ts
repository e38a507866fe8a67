import { deepMerge } from "../merge";
import type { ClientConfig } from "../schema/clients";

type Kind = ClientConfig["kind"];

/** The recipe's token lifetimes (access and ID 60 minutes, refresh 30 days) and session hygiene every kind shares. */
const tokens: Partial<ClientConfig> = {
  accessTokenValidity: 60,
  idTokenValidity: 60,
  refreshTokenValidity: 30,
  tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
  authSessionValidity: 3,
  preventUserExistenceErrors: "ENABLED",
  enableTokenRevocation: true,
};

/** What a user-facing client may read and change about its own user; verified flags and tiers stay read-only. */
const userAttributes = {
  readAttributes: [
    "email",
    "email_verified",
    "given_name",
    "family_name",
    "name",
    "custom:customer_tier",
    "custom:subscription_status",
    "custom:last_login",
  ],
  writeAttributes: ["email", "given_name", "family_name", "name"],
};

/** The hosted-UI scopes a user-facing client asks for; no `aws.cognito.signin.user.admin` unless a stack adds it. */
const userScopes = ["openid", "email", "profile"];

/** A client on a user's device: public (it cannot keep a secret), authorization code with PKCE, SRP; never implicit. */
const publicUserClient: Omit<ClientConfig, "kind"> = {
  ...tokens,
  ...userAttributes,
  generateSecret: false,
  allowedOauthFlows: ["code"],
  allowedOauthScopes: userScopes,
  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  includeCognito: true,
  allowImplicitFlow: false,
};

/** Secure defaults per client kind; a client's own keys override them (config/load.ts merges them underneath). */
export const CLIENT_KIND_DEFAULTS: Record<Kind, Omit<ClientConfig, "kind">> = {
  /** Browser SPA. */
  web: publicUserClient,
  /** Confidential web backend: secret, authorization code; may post passwords server-side and forward device data to threat protection. */
  server: {
    ...tokens,
    ...userAttributes,
    generateSecret: true,
    allowedOauthFlows: ["code"],
    allowedOauthScopes: userScopes,
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    enablePropagateAdditionalUserContextData: true,
    includeCognito: true,
    allowImplicitFlow: false,
  },
  /** Service to service: secret, client_credentials with resource-server scopes only (the stack names them), no users. */
  machine: {
    ...tokens,
    generateSecret: true,
    allowedOauthFlows: ["client_credentials"],
    allowedOauthScopes: [],
    explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
    readAttributes: [],
    writeAttributes: [],
    includeCognito: false,
    allowImplicitFlow: false,
  },
  /** Mobile app; the only kind that may use a custom-scheme callback (`myapp://cb`). */
  native: publicUserClient,
};

/** Gives each client its kind's defaults underneath its own settings (in place). */
export function applyClientKinds(merged: Record<string, unknown>): void {
  const clients = merged.clients;
  if (typeof clients !== "object" || clients === null || Array.isArray(clients)) return;
  for (const [name, c] of Object.entries(clients as Record<string, unknown>)) {
    const kind = typeof c === "object" && c !== null ? (c as Record<string, unknown>).kind : undefined;
    if (typeof kind === "string" && kind in CLIENT_KIND_DEFAULTS) {
      (clients as Record<string, unknown>)[name] = deepMerge(
        CLIENT_KIND_DEFAULTS[kind as keyof typeof CLIENT_KIND_DEFAULTS],
        c,
      );
    }
  }
}
