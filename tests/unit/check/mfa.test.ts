import * as assert from "node:assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { enrolDuringSignIn, enrolWithAccessToken } from "../../../check/mfa";
import { AWS_CAPABILITIES, EMULATOR_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import { TotpDevice } from "../../../check/totp";
import { EMULATOR_CREDENTIALS } from "../../../emulator/clients";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeAws, startFakeAws } from "../emulator/fake-aws";

const SECRET = "JBSWY3DPEHPK3PXP";

describe("check/mfa", () => {
  let fake: FakeAws;
  /** Codes the fake would accept: the current and previous window (the call may cross a boundary). */
  const validCodes = (): string[] => {
    const d = new TotpDevice(SECRET, { rejectsReuse: false });
    return [d.codeAt(Date.now()), d.codeAt(Date.now() - 30_000)];
  };
  before(async () => {
    fake = await startFakeAws({
      AssociateSoftwareToken: (p) => ({ SecretCode: SECRET, ...(p.Session ? { Session: "session-2" } : {}) }),
      VerifySoftwareToken: (p) =>
        validCodes().includes(String(p.UserCode))
          ? { Status: "SUCCESS", ...(p.Session ? { Session: "session-3" } : {}) }
          : { __type: "CodeMismatchException", message: "bad code" },
      RespondToAuthChallenge: { AuthenticationResult: { IdToken: "id", AccessToken: "access-2", RefreshToken: "r" } },
      SetUserMFAPreference: {},
    });
  });
  after(() => fake.close());
  beforeEach(() => fake.calls.splice(0));

  const target = (): Target => ({
    kind: "emulator",
    label: "t",
    caps: EMULATOR_CAPABILITIES,
    retries: { count: 0 },
    send: makeSend(5000, { count: 0 }),
    outputs: { userPoolId: "us-east-1_x", region: "us-east-1" } as StackOutputs,
    idp: new CognitoIdentityProviderClient({
      region: "us-east-1",
      endpoint: fake.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    }),
  });

  it("with optional MFA: associates, verifies a real TOTP code, then prefers TOTP", async () => {
    const e = await enrolWithAccessToken(target(), "access-1");
    assert.deepStrictEqual(
      fake.calls.map((c) => c.action),
      ["AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference"],
    );
    assert.strictEqual(fake.calls[1].params.AccessToken, "access-1");
    assert.deepStrictEqual(fake.calls[2].params, {
      AccessToken: "access-1",
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    assert.ok(validCodes().includes(await e.device.code()));
  });

  it("with required MFA: chains the sessions through MFA_SETUP, then prefers TOTP with the new access token", async () => {
    const e = await enrolDuringSignIn(
      target(),
      {
        key: "web",
        clientId: "c1",
        kind: "web",
        generateSecret: false,
        explicitAuthFlows: [],
        allowedOauthFlows: [],
        allowedOauthScopes: [],
        callbackUrls: [],
        logoutUrls: [],
        preventUserExistenceErrors: "ENABLED",
        readAttributes: [],
      },
      { challenge: "MFA_SETUP", session: "session-1", params: {}, username: "sub-1" },
    );
    assert.deepStrictEqual(
      fake.calls.map((c) => c.action),
      ["AssociateSoftwareToken", "VerifySoftwareToken", "RespondToAuthChallenge", "SetUserMFAPreference"],
    );
    assert.strictEqual(fake.calls[0].params.Session, "session-1");
    assert.strictEqual(fake.calls[1].params.Session, "session-2");
    assert.deepStrictEqual(fake.calls[2].params, {
      ClientId: "c1",
      ChallengeName: "MFA_SETUP",
      Session: "session-3",
      ChallengeResponses: { USERNAME: "sub-1" },
    });
    assert.strictEqual(fake.calls[3].params.AccessToken, "access-2");
    assert.strictEqual(e.tokens?.AccessToken, "access-2");
  });

  it("gives the device the target's clock, so single-use codes wait on it, not on real time", async () => {
    // Early in the current window, so only the reuse rule can make the device wait.
    let now = Math.floor(Date.now() / 30_000) * 30_000 + 1000;
    const waits: number[] = [];
    const t: Target = {
      ...target(),
      caps: AWS_CAPABILITIES,
      clock: {
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms);
          now += ms;
        },
      },
    };
    const e = await enrolWithAccessToken(t, "access-1");
    const enrolledAt = now;
    const next = await e.device.code();
    assert.strictEqual(waits.length, 1, "the second code waited once, on the target's clock");
    assert.strictEqual(Math.floor(now / 30_000), Math.floor(enrolledAt / 30_000) + 1);
    assert.strictEqual(next, e.device.codeAt(now));
  });
});
