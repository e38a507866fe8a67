import * as assert from "node:assert";
import { generateKeyPairSync, sign } from "node:crypto";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { Jwks } from "aws-jwt-verify/jwk";
import { EMULATOR_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import { verifyTokens } from "../../../check/tokens";
import type { StackOutputs } from "../../../outputs/stack-outputs";

const POOL = "us-east-1_TestPool1";
const ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwks = { keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }] } as Jwks;

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString("base64url");
function jwt(payload: Record<string, unknown>, key = privateKey): string {
  const head = b64({ alg: "RS256", kid: "k1" });
  const body = b64(payload);
  return `${head}.${body}.${sign("sha256", Buffer.from(`${head}.${body}`), key).toString("base64url")}`;
}

const now = Math.floor(Date.now() / 1000);
const base = { iss: ISS, sub: "sub-1", iat: now, exp: now + 3600, "cognito:groups": ["Customers"] };
const idToken = (o: Record<string, unknown> = {}, key = privateKey) =>
  jwt(
    { ...base, aud: "client-1", token_use: "id", email: "a@example.com", "custom:customer_tier": "tier-1", ...o },
    key,
  );
const accessToken = (o: Record<string, unknown> = {}) =>
  jwt({ ...base, client_id: "client-1", token_use: "access", ...o });

function target(): Target {
  const outputs = { userPoolId: POOL, issuer: ISS, region: "us-east-1" } as StackOutputs;
  const retries = { count: 0 };
  return {
    kind: "emulator",
    label: "test",
    outputs,
    caps: EMULATOR_CAPABILITIES,
    idp: new CognitoIdentityProviderClient({ region: "us-east-1" }),
    send: makeSend(1000, retries),
    jwks,
    retries,
  };
}

const expectations = {
  clientId: "client-1",
  group: "Customers",
  email: "a@example.com",
  customAttribute: { name: "customer_tier", value: "tier-1" },
};

describe("check/tokens", () => {
  it("accepts tokens signed by the pool's key with every expected claim", async () => {
    const v = await verifyTokens(target(), { IdToken: idToken(), AccessToken: accessToken() }, expectations);
    assert.strictEqual(v.sub, "sub-1");
  });

  const bad: Array<[string, () => { IdToken: string; AccessToken: string }, RegExp]> = [
    [
      "a token signed by another key",
      () => ({ IdToken: idToken({}, other.privateKey), AccessToken: accessToken() }),
      /signature/i,
    ],
    [
      "another issuer",
      () => ({
        IdToken: idToken({ iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other" }),
        AccessToken: accessToken(),
      }),
      /issuer/i,
    ],
    ["another audience", () => ({ IdToken: idToken({ aud: "client-2" }), AccessToken: accessToken() }), /client/i],
    ["an access token used as ID token", () => ({ IdToken: accessToken(), AccessToken: accessToken() }), /token use/i],
    [
      "an expired token",
      () => ({ IdToken: idToken({ iat: now - 7200, exp: now - 3600 }), AccessToken: accessToken() }),
      /expired/i,
    ],
    [
      "a user outside the group",
      () => ({ IdToken: idToken({ "cognito:groups": ["Administrators"] }), AccessToken: accessToken() }),
      /group/i,
    ],
    [
      "an access token without the group",
      () => ({ IdToken: idToken(), AccessToken: accessToken({ "cognito:groups": [] }) }),
      /group/i,
    ],
    [
      "a different custom attribute",
      () => ({ IdToken: idToken({ "custom:customer_tier": "gold" }), AccessToken: accessToken() }),
      /custom:customer_tier is "gold"/,
    ],
    ["another email", () => ({ IdToken: idToken({ email: "b@example.com" }), AccessToken: accessToken() }), /email/],
    ["tokens of two users", () => ({ IdToken: idToken(), AccessToken: accessToken({ sub: "sub-2" }) }), /differs/],
  ];
  for (const [what, tokens, why] of bad) {
    it(`refuses ${what}`, async () => {
      await assert.rejects(verifyTokens(target(), tokens(), expectations), why);
    });
  }
});
