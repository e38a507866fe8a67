import * as assert from "node:assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import {
  type AppClient,
  allows,
  expectError,
  expectTokens,
  refresh,
  secretHash,
  withSecretHash,
} from "../../../check/auth";
import { AWS_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import type { StackOutputs } from "../../../outputs/stack-outputs";

describe("check/auth", () => {
  it("computes SECRET_HASH as Base64(HMAC-SHA256(secret, username + clientId))", () => {
    // Independently computed: printf 'user@example.comclient123' | openssl dgst -sha256 -hmac secret -binary | base64
    assert.strictEqual(
      secretHash({ clientId: "client123", clientSecret: "secret" }, "user@example.com"),
      "4Y+oIVsTc++URZuVs9j5wmR0cax4DOO6c+Bx8QP9DNM=",
    );
    assert.strictEqual(secretHash({ clientId: "client123" }, "user@example.com"), undefined);
  });

  it("adds SECRET_HASH only for confidential clients", () => {
    const base = {
      key: "k",
      kind: "web",
      generateSecret: false,
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
      allowedOauthFlows: [],
      allowedOauthScopes: [],
      callbackUrls: [],
      logoutUrls: [],
      preventUserExistenceErrors: "ENABLED" as const,
      readAttributes: [],
    };
    assert.deepStrictEqual(withSecretHash({ ...base, clientId: "c" }, "u"), {});
    assert.deepStrictEqual(Object.keys(withSecretHash({ ...base, clientId: "c", clientSecret: "s" }, "u")), [
      "SECRET_HASH",
    ]);
    assert.strictEqual(allows({ ...base, clientId: "c" }, "ALLOW_USER_SRP_AUTH"), true);
    assert.strictEqual(allows({ ...base, clientId: "c" }, "ALLOW_USER_PASSWORD_AUTH"), false);
  });

  it("expectError returns the expected error and fails on success or another error", async () => {
    const err = (name: string) => Object.assign(new Error(`${name} happened`), { name });
    const e = await expectError(() => Promise.reject(err("InvalidPasswordException")), "InvalidPasswordException");
    assert.strictEqual(e.message, "InvalidPasswordException happened");
    await assert.rejects(
      expectError(() => Promise.resolve(1), "NotAuthorizedException"),
      /expected NotAuthorizedException, but the call succeeded/,
    );
    await assert.rejects(
      expectError(() => Promise.reject(err("UserNotFoundException")), "NotAuthorizedException"),
      /expected NotAuthorizedException, got UserNotFoundException/,
    );
  });

  it("expectTokens fails on a challenge", () => {
    assert.throws(
      () => expectTokens({ challenge: "SOFTWARE_TOKEN_MFA", params: {}, username: "u" }, "sign-in"),
      /sign-in: expected tokens, got challenge SOFTWARE_TOKEN_MFA/,
    );
    assert.strictEqual(
      expectTokens({ tokens: { IdToken: "i", AccessToken: "a" }, params: {}, username: "u" }, "x").IdToken,
      "i",
    );
  });

  it("refreshes a confidential client only with the internal username for SECRET_HASH, before any call", async () => {
    let calls = 0;
    const t: Target = {
      kind: "aws",
      label: "t",
      caps: AWS_CAPABILITIES,
      retries: { count: 0 },
      outputs: { userPoolId: "us-east-1_x", region: "us-east-1" } as StackOutputs,
      idp: new CognitoIdentityProviderClient({ region: "us-east-1" }),
      send: (call) => {
        calls++;
        return makeSend(1000, { count: 0 })(call);
      },
    };
    const backend: AppClient = {
      key: "backend",
      clientId: "b",
      clientSecret: "s",
      kind: "server",
      generateSecret: true,
      explicitAuthFlows: [],
      allowedOauthFlows: [],
      allowedOauthScopes: [],
      callbackUrls: [],
      logoutUrls: [],
      preventUserExistenceErrors: "ENABLED",
      readAttributes: [],
    };
    await assert.rejects(refresh(t, backend, "r"), /confidential client backend needs the internal username/);
    assert.strictEqual(calls, 0);
  });
});
