import * as assert from "node:assert";
import { userPoolClientCommand } from "../../../../emulator/backend/user-pool-client";

describe("emulator/backend/user-pool-client", () => {
  it("maps a confidential server client's settings to CreateUserPoolClient", () => {
    const input = userPoolClientCommand(
      {
        userPoolId: "us-east-1_abc",
        name: "backend",
        generateSecret: true,
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ["code"],
        allowedOauthScopes: ["openid", "email"],
        callbackUrls: ["http://localhost:8080/auth/callback"],
        logoutUrls: ["http://localhost:8080/"],
        defaultRedirectUri: "http://localhost:8080/auth/callback",
        supportedIdentityProviders: ["COGNITO"],
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
        authSessionValidity: 3,
        readAttributes: ["email", "custom:customer_tier"],
        writeAttributes: ["given_name"],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        enablePropagateAdditionalUserContextData: true,
        refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 10 },
      },
      "fallback",
    );
    assert.deepStrictEqual(input, {
      UserPoolId: "us-east-1_abc",
      ClientName: "backend",
      GenerateSecret: true,
      RefreshTokenValidity: 30,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days" },
      ReadAttributes: ["email", "custom:customer_tier"],
      WriteAttributes: ["given_name"],
      ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      SupportedIdentityProviders: ["COGNITO"],
      CallbackURLs: ["http://localhost:8080/auth/callback"],
      LogoutURLs: ["http://localhost:8080/"],
      DefaultRedirectURI: "http://localhost:8080/auth/callback",
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: ["openid", "email"],
      AllowedOAuthFlowsUserPoolClient: true,
      PreventUserExistenceErrors: "ENABLED",
      EnableTokenRevocation: true,
      EnablePropagateAdditionalUserContextData: true,
      AuthSessionValidity: 3,
      RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 10 },
    });
  });

  it("omits what is not set and names an unnamed client after its resource", () => {
    assert.deepStrictEqual(userPoolClientCommand({ userPoolId: "us-east-1_abc" }, "cognito-client-web"), {
      UserPoolId: "us-east-1_abc",
      ClientName: "cognito-client-web",
    });
  });

  it("refuses unknown auth flows and a missing pool id", () => {
    assert.throws(
      () => userPoolClientCommand({ userPoolId: "p", explicitAuthFlows: ["ALLOW_EVERYTHING"] }, "x"),
      /explicitAuthFlows\[0\]: "ALLOW_EVERYTHING"/,
    );
    assert.throws(() => userPoolClientCommand({ userPoolId: "" }, "x"), /userPoolId is required/);
  });
});
