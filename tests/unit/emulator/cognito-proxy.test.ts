import * as assert from "node:assert";
import { shimCall } from "../../../emulator/cognito-proxy";

describe("emulator/cognito-proxy", () => {
  it("answers GetTokensFromRefreshToken with InitiateAuth REFRESH_TOKEN_AUTH", () => {
    const r = shimCall(
      "AWSCognitoIdentityProviderService.GetTokensFromRefreshToken",
      JSON.stringify({ ClientId: "c1", RefreshToken: "rt", DeviceKey: "d" }),
    );
    assert.strictEqual(r.target, "AWSCognitoIdentityProviderService.InitiateAuth");
    assert.strictEqual(r.shim, "GetTokensFromRefreshToken");
    assert.deepStrictEqual(JSON.parse(r.body), {
      AuthFlow: "REFRESH_TOKEN_AUTH",
      ClientId: "c1",
      AuthParameters: { REFRESH_TOKEN: "rt" },
    });
  });

  it("passes every other call through unchanged", () => {
    const body = JSON.stringify({ AuthFlow: "USER_SRP_AUTH" });
    assert.deepStrictEqual(shimCall("AWSCognitoIdentityProviderService.InitiateAuth", body), {
      target: "AWSCognitoIdentityProviderService.InitiateAuth",
      body,
    });
  });
});
