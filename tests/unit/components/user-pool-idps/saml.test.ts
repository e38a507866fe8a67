import * as assert from "node:assert";
import { samlProvider } from "../../../../components/user-pool-idps/saml";

describe("components/user-pool-idps/saml", () => {
  it("metadata URL with every flag spelled out as Cognito stores it", () => {
    const spec = samlProvider({
      type: "saml",
      metadataUrl: "https://auth.example.com/sso/saml/metadata",
      idpSignout: true,
    });
    assert.strictEqual(spec.providerType, "SAML");
    assert.deepStrictEqual(spec.providerDetails, {
      MetadataURL: "https://auth.example.com/sso/saml/metadata",
      IDPSignout: "true",
      IDPInit: "false",
      EncryptedResponses: "false",
    });
  });

  it("metadata file, encrypted responses, request signing and IdP-initiated sign-in", () => {
    const xml = '<EntityDescriptor entityID="https://idp.example.com"></EntityDescriptor>';
    const spec = samlProvider({
      type: "saml",
      metadataFile: xml,
      encryptedResponses: true,
      requestSigningAlgorithm: "rsa-sha256",
      idpInitiated: true,
    });
    assert.deepStrictEqual(spec.providerDetails, {
      MetadataFile: xml,
      IDPSignout: "false",
      IDPInit: "true",
      EncryptedResponses: "true",
      RequestSigningAlgorithm: "rsa-sha256",
    });
  });

  it("maps the email claim unless configured otherwise", () => {
    assert.deepStrictEqual(samlProvider({ type: "saml", metadataUrl: "https://x.example.com/m" }).attributeMapping, {
      email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    });
    assert.deepStrictEqual(
      samlProvider({ type: "saml", metadataUrl: "https://x.example.com/m", attributeMapping: { email: "mail" } })
        .attributeMapping,
      { email: "mail" },
    );
  });
});
