import { z } from "zod";

const attributeMapping = z.record(z.string(), z.string()).optional();
const base = {
  /** Cognito user attribute -> provider attribute. @default per provider type, see components/user-pool-idps */
  attributeMapping,
  idpIdentifiers: z.array(z.string()).optional(),
};

/** Secrets must come from `pulumi config set --secret`; validation refuses a plain value. */
const secret = z.string().min(1);

export const identityProviderConfig = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("google"),
    clientId: z.string().min(1),
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("facebook"),
    clientId: z.string().min(1),
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    apiVersion: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("amazon"),
    clientId: z.string().min(1),
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("apple"),
    clientId: z.string().min(1),
    teamId: z.string().min(1),
    keyId: z.string().min(1),
    privateKey: secret,
    authorizeScopes: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("saml"),
    metadataUrl: z.url().optional(),
    metadataFile: z.string().optional(),
    idpSignout: z.boolean().optional(),
    encryptedResponses: z.boolean().optional(),
    requestSigningAlgorithm: z.literal("rsa-sha256").optional(),
    idpInitiated: z.boolean().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("oidc"),
    clientId: z.string().min(1),
    clientSecret: secret,
    oidcIssuer: z.url(),
    authorizeScopes: z.string().optional(),
    attributesRequestMethod: z.enum(["GET", "POST"]).optional(),
    authorizeUrl: z.url().optional(),
    tokenUrl: z.url().optional(),
    attributesUrl: z.url().optional(),
    jwksUri: z.url().optional(),
    ...base,
  }),
]);

export type IdentityProviderConfig = z.infer<typeof identityProviderConfig>;
/** Config keys whose values must be Pulumi secrets, per provider type. */
export const SECRET_FIELDS: Record<IdentityProviderConfig["type"], string[]> = {
  google: ["clientSecret"],
  facebook: ["clientSecret"],
  amazon: ["clientSecret"],
  apple: ["privateKey"],
  saml: [],
  oidc: ["clientSecret"],
};
