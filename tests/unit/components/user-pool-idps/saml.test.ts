import * as assert from "node:assert";
import { samlProvider } from "../../../../components/user-pool-idps/saml";

describe("components/user-pool-idps/saml", () => {
  it("metadata URL with every flag spelled out as Cognito stores it", () => {
    const spec = samlProvider({
      type: "saml",
      metadataUrl: "https://auth.example.com/sso/saml/metadata",
      idpSignout: true,
    });
    assert.deepStrictEqual(spec, {
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
    assert.deepStrictEqual(spec, {
      MetadataFile: xml,
      IDPSignout: "false",
      IDPInit: "true",
      EncryptedResponses: "true",
      RequestSigningAlgorithm: "rsa-sha256",
    });
  });
});
