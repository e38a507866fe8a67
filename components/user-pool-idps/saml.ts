import type { IdpConfigOf } from "../../config/model";
import { flag, type ProviderDetails } from "./base";

/**
 * A SAML 2.0 IdP from its metadata (URL or the XML document itself). The flags are always sent as
 * "true"/"false" because Cognito reports them back either way. Cognito also reports keys it derives
 * from the metadata (`ActiveEncryptionCertificate`, `SSORedirectBindingURI`, `SLORedirectBindingURI`);
 * those cannot be known before creation and are left to the provider's diff suppression (pulumi-aws#6411).
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
