import { z } from "zod";

const timeUnit = z.enum(["seconds", "minutes", "hours", "days"]);

/**
 * An app client. `kind` picks secure defaults (see config/presets/client-kinds.ts); every other key
 * overrides them and uses the `aws.cognito.UserPoolClient` argument name.
 */
export const clientConfig = z.strictObject({
  /** web: browser SPA (public, code + PKCE); server: confidential backend; machine: client_credentials; native: mobile (public). */
  kind: z.enum(["web", "server", "machine", "native"]),
  /** Client name shown in the console (`[\w\s+=,.@-]`, up to 128). @default the config key */
  name: z.string().optional(),
  generateSecret: z.boolean().optional(),
  allowedOauthFlows: z.array(z.enum(["code", "implicit", "client_credentials"])).optional(),
  /** Standard scopes (`openid`, `email` ...) or `<resourceServerKey>/<scope>`. */
  allowedOauthScopes: z.array(z.string().min(1)).max(50).optional(),
  explicitAuthFlows: z
    .array(
      z.enum([
        "ALLOW_USER_SRP_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
        "ALLOW_CUSTOM_AUTH",
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_USER_AUTH",
      ]),
    )
    .optional(),
  callbackUrls: z.array(z.string()).max(100).optional(),
  logoutUrls: z.array(z.string()).max(100).optional(),
  defaultRedirectUri: z.string().optional(),
  accessTokenValidity: z.int().positive().optional(),
  idTokenValidity: z.int().positive().optional(),
  refreshTokenValidity: z.int().positive().optional(),
  tokenValidityUnits: z.strictObject({ accessToken: timeUnit, idToken: timeUnit, refreshToken: timeUnit }).optional(),
  /** Minutes, 3-15. */
  authSessionValidity: z.int().optional(),
  readAttributes: z.array(z.string()).optional(),
  writeAttributes: z.array(z.string()).optional(),
  /** Identity provider keys from `identityProviders`; COGNITO comes from `includeCognito`, not from this list. */
  identityProviders: z.array(z.string()).optional(),
  /** @default true */
  includeCognito: z.boolean().optional(),
  preventUserExistenceErrors: z.enum(["ENABLED", "LEGACY"]).optional(),
  enableTokenRevocation: z.boolean().optional(),
  enablePropagateAdditionalUserContextData: z.boolean().optional(),
  refreshTokenRotation: z
    .strictObject({
      feature: z.enum(["ENABLED", "DISABLED"]),
      retryGracePeriodSeconds: z.int().min(0).max(60).optional(),
    })
    .optional(),
  /** Allow the implicit grant for this client; refused unless set. @default false */
  allowImplicitFlow: z.boolean().optional(),
});

export type ClientConfig = z.infer<typeof clientConfig>;

export const resourceServerConfig = z.strictObject({
  /** Usually a URL like https://api.example.com; fixed at creation. */
  identifier: z.string().min(1).max(256),
  name: z.string().min(1).max(256).optional(),
  scopes: z
    .array(
      z.strictObject({
        scopeName: z
          .string()
          .min(1)
          .max(256)
          .regex(/^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/, "printable ASCII without space, quote, slash or backslash"),
        scopeDescription: z.string().min(1).max(256),
      }),
    )
    .min(1)
    .max(100),
});

export type ResourceServerConfig = z.infer<typeof resourceServerConfig>;
