import type { IdentityProviderConfig } from "../schema/identity-providers";

/** `google`, `facebook`, `apple`, `amazon`, `saml` or `oidc`. */
export type IdpType = IdentityProviderConfig["type"];
/** The config of one provider type. */
export type IdpConfigOf<T extends IdpType> = Extract<IdentityProviderConfig, { type: T }>;

/** One provider with what Cognito needs beyond its config: its name, type name and full attribute mapping. */
export type IdentityProviderModel = IdentityProviderConfig & {
  /** The provider name Cognito knows (the config key); fixed for social providers. */
  name: string;
  /** Cognito's `ProviderType`. */
  providerType: string;
  /** Cognito user attribute -> provider attribute: the type's defaults with the configured keys over them. */
  attributeMapping: Record<string, string>;
};

/** Social providers must carry exactly these names (the config key); Cognito refuses any other. */
export const SOCIAL_PROVIDER_NAMES: Record<Exclude<IdpType, "saml" | "oidc">, string> = {
  google: "Google",
  facebook: "Facebook",
  apple: "SignInWithApple",
  amazon: "LoginWithAmazon",
};

/** Cognito's `ProviderType` per config type: a social provider's type is also its fixed name. */
export const PROVIDER_TYPES: Record<IdpType, string> = { ...SOCIAL_PROVIDER_NAMES, saml: "SAML", oidc: "OIDC" };

/** Names an OIDC or SAML provider cannot take: Cognito's own and the social ones. */
export const RESERVED_PROVIDER_NAMES: readonly string[] = ["COGNITO", ...Object.values(SOCIAL_PROVIDER_NAMES)];

/** The email claim most SAML IdPs (Entra ID, Okta, ADFS) send. */
export const SAML_EMAIL_CLAIM = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

/**
 * Default attribute mapping per type: email, name, given and family name where the provider has
 * them, and the username from the provider's stable subject. SAML has no standard claim names, so
 * only email is mapped (the username is the SAML NameID); set `attributeMapping` for the rest.
 */
export const DEFAULT_ATTRIBUTE_MAPPING: Record<IdpType, Readonly<Record<string, string>>> = {
  google: { email: "email", name: "name", given_name: "given_name", family_name: "family_name", username: "sub" },
  facebook: { email: "email", name: "name", given_name: "first_name", family_name: "last_name", username: "id" },
  apple: { email: "email", name: "name", given_name: "firstName", family_name: "lastName", username: "sub" },
  amazon: { email: "email", name: "name", username: "user_id" },
  oidc: { email: "email", name: "name", given_name: "given_name", family_name: "family_name", username: "sub" },
  saml: { email: SAML_EMAIL_CLAIM },
};

/** The mapping a provider gets: its type's defaults, with the configured keys over them. */
export function attributeMapping(
  type: IdpType,
  configured: Record<string, string> | undefined,
): Record<string, string> {
  return { ...DEFAULT_ATTRIBUTE_MAPPING[type], ...configured };
}

/**
 * Okta's SAML apps send the address as a plain `email` attribute (the statement AWS's Okta guide
 * sets up), where Entra ID and ADFS send the claim URI; an Okta metadata URL picks the plain name.
 */
export function isOktaMetadata(metadataUrl: string | undefined): boolean {
  if (metadataUrl === undefined) return false;
  try {
    return /(^|\.)okta(preview|-emea)?\.com$/.test(new URL(metadataUrl).hostname);
  } catch {
    return false;
  }
}

export function resolveIdentityProvider(key: string, c: IdentityProviderConfig): IdentityProviderModel {
  const okta = c.type === "saml" && isOktaMetadata(c.metadataUrl);
  return {
    ...c,
    name: key,
    providerType: PROVIDER_TYPES[c.type],
    attributeMapping: attributeMapping(c.type, okta ? { email: "email", ...c.attributeMapping } : c.attributeMapping),
  };
}
