import type { IdpConfigOf } from "../../config/model";
import { flag, type ProviderDetails } from "./base";

/**
 * Keys Cognito derives from the metadata and reports back on every read (AWS `CreateIdentityProvider`
 * docs, "Describe response" for SAML). They cannot be known before creation, so they are never sent
 * and changes to them are ignored (identity-providers.ts); the provider's own diff suppression covers
 * only some of them (pulumi-aws#6411).
 */
export const SAML_DERIVED_DETAILS = [
  "ActiveEncryptionCertificate",
  "SSORedirectBindingURI",
  "SLORedirectBindingURI",
] as const;

/**
 * A SAML 2.0 IdP from its metadata (URL or the XML document itself). The flags are always sent as
 * "true"/"false" because Cognito reports them back either way; the keys Cognito derives from the
 * metadata are not sent (SAML_DERIVED_DETAILS).
 */
export function samlProvider(c: IdpConfigOf<"saml">): ProviderDetails {
  const metadata: Record<string, string> =
    c.metadataUrl !== undefined ? { MetadataURL: c.metadataUrl } : { MetadataFile: c.metadataFile ?? "" };
  return {
    ...metadata,
    IDPSignout: flag(c.idpSignout),
    IDPInit: flag(c.idpInitiated),
    EncryptedResponses: flag(c.encryptedResponses),
    ...(c.requestSigningAlgorithm ? { RequestSigningAlgorithm: c.requestSigningAlgorithm } : {}),
  };
}
