import { z } from "zod";

const attributeMapping = z.record(z.string(), z.string()).optional();
const base = {
  /** Cognito user attribute -> provider attribute. @default per provider type, see config/model/identity-providers.ts */
  attributeMapping,
  idpIdentifiers: z.array(z.string()).optional(),
};

/** Secrets must come from `pulumi config set --secret`; validation refuses a plain value. */
const secret = z.string().min(1);

/**
 * An app or client id. `pulumi config set --path` stores digits-only values (Facebook app ids,
 * pulumi/pulumi#18285) as numbers, so a whole number is taken as its digits.
 */
const appId = z.union([z.string().min(1), z.int().nonnegative().transform(String)]);

export const identityProviderConfig = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("google"),
    clientId: appId,
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("facebook"),
    clientId: appId,
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    apiVersion: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("amazon"),
    clientId: appId,
    clientSecret: secret,
    authorizeScopes: z.string().optional(),
    ...base,
  }),
  z.strictObject({
    type: z.literal("apple"),
    clientId: appId,
    teamId: z.string().min(1),
    keyId: z.string().min(1),
    privateKey: secret,
    /**
     * Send `privateKey` on this `pulumi up` (after rotating the key). Cognito never returns the key,
     * so it is otherwise an ignored input and a second `up` stays a no-op; set this back to false
     * after the rotation's `up`. @default false
     */
    sendPrivateKey: z.boolean().optional(),
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
    clientId: appId,
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
