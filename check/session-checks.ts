/**
 * The steps that work on a signed-in session: SECRET_HASH enforcement, device confirmation,
 * refresh through each client, and global sign-out revoking every client's tokens.
 */
import { GetUserCommand, GlobalSignOutCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { wrapInitiateAuth } from "cognito-srp-helper";
import { type AppClient, expectError, type RefreshOptions, refresh, secretHash } from "./auth";
import { confirmDevice, type Device, newDevice } from "./devices";
import { createSrpSession } from "./srp";
import type { Steps } from "./steps";
import type { FlowPlan } from "./subjects";
import type { Target } from "./target";
import { type TokenExpectations, type VerifiedTokens, verifyTokens } from "./tokens";

export const SESSION_SKIP = {
  devices:
    "the emulator has no device tracking (moto returns no NewDeviceMetadata and has no ConfirmDevice), so devices are confirmed on AWS only",
  noDeviceTracking: "the pool has no device tracking (no DeviceConfiguration)",
  refreshHash:
    "the emulator checks a refresh SECRET_HASH against the name the sign-in used (the email), where Cognito wants the internal username (the access token's `username` claim); checked on AWS only",
  otherClient:
    "the emulator revokes only tokens issued under the same username spelling (moto's sign_out compares the stored name: the internal id after SRP, the email after USER_PASSWORD_AUTH), so the password client's refresh token outlives GlobalSignOut there (and moto would refuse this refresh's SECRET_HASH anyway, see password-client-refresh); checked on AWS only",
  accessMessage:
    'the emulator refuses a signed-out access token as "Invalid token" rather than "Access Token has been revoked": only the error name is checked there',
} as const;

export const REVOKED_REFRESH = /Refresh Token has been revoked/;
export const REVOKED_ACCESS = /Access Token has been revoked/;

/** One client's signed-in session: its tokens and what their verification found. */
export interface SessionTokens {
  client: AppClient;
  tokens: {
    IdToken: string;
    AccessToken: string;
    RefreshToken?: string;
    NewDeviceMetadata?: { DeviceKey?: string; DeviceGroupKey?: string };
  };
  verified: VerifiedTokens;
  /** Set once the device the sign-in returned is confirmed. */
  device?: Device;
}

/** The internal username Cognito computes a refresh SECRET_HASH with: the access token's `username` claim. */
export function internalUsername(v: VerifiedTokens): string {
  const u = v.accessClaims.username;
  if (typeof u !== "string" || !u) throw new Error("the access token has no username claim");
  return u;
}

function refreshOptions(s: SessionTokens): RefreshOptions {
  return {
    ...(s.client.clientSecret ? { hashUsername: internalUsername(s.verified) } : {}),
    ...(s.device ? { deviceKey: s.device.key } : {}),
  };
}

function refreshToken(s: SessionTokens): string {
  if (!s.tokens.RefreshToken) throw new Error(`the sign-in through ${s.client.key} returned no refresh token`);
  return s.tokens.RefreshToken;
}

/** A confidential SRP client refuses USER_SRP_AUTH without SECRET_HASH and with a wrong one, and takes the right one. */
export async function secretHashRequired(
  t: Target,
  plan: FlowPlan,
  email: string,
  password: string,
  steps: Steps,
): Promise<void> {
  const conf = plan.confidentialClient;
  if (!conf?.clientSecret) {
    steps.skip("secret-hash-required", "no confidential client allows SRP");
    return;
  }
  const secret = conf.clientSecret;
  const start = (hash?: string) =>
    t.send((o) =>
      t.idp.send(
        new InitiateAuthCommand(
          wrapInitiateAuth(createSrpSession(email, password, t.outputs.userPoolId, false), {
            ClientId: conf.clientId,
            AuthFlow: "USER_SRP_AUTH",
            AuthParameters: { USERNAME: email, ...(hash ? { SECRET_HASH: hash } : {}) },
          }),
        ),
        o,
      ),
    );
  await steps.run("secret-hash-required", async () => {
    await expectError(() => start(), "NotAuthorizedException");
    await expectError(
      () => start(secretHash({ clientId: conf.clientId, clientSecret: `${secret}x` }, email)),
      "NotAuthorizedException",
    );
    // Without this the two refusals could have another cause (an unknown user, a broken client).
    const ok = await start(secretHash(conf, email));
    if (ok.ChallengeName !== "PASSWORD_VERIFIER")
      throw new Error(`with the right SECRET_HASH expected PASSWORD_VERIFIER, got ${ok.ChallengeName ?? "tokens"}`);
  });
}

/** Confirms the device each sign-in returned, adding each to `confirmed` at once so cleanup forgets it even if a later one fails. */
export async function confirmDevices(
  t: Target,
  plan: FlowPlan,
  sessions: SessionTokens[],
  steps: Steps,
  confirmed: Device[],
): Promise<void> {
  if (!plan.tracksDevices) {
    steps.skip("confirm-device", SESSION_SKIP.noDeviceTracking);
    return;
  }
  if (!t.caps.tracksDevices) {
    steps.skip("confirm-device", SESSION_SKIP.devices);
    return;
  }
  await steps.run("confirm-device", async () => {
    for (const s of sessions) {
      const d = newDevice(s.tokens, `sign-in through ${s.client.key}`);
      await confirmDevice(t, s.tokens.AccessToken, d);
      s.device = d;
      confirmed.push(d);
    }
  });
}

export async function refreshStep(t: Target, s: SessionTokens, expect: TokenExpectations, steps: Steps): Promise<void> {
  await steps.run("refresh", async () => {
    const fresh = await refresh(t, s.client, refreshToken(s), refreshOptions(s));
    const v = await verifyTokens(
      t,
      { IdToken: fresh.IdToken as string, AccessToken: fresh.AccessToken as string },
      expect,
    );
    if (v.sub !== s.verified.sub) throw new Error(`the refreshed tokens are for ${v.sub}, not ${s.verified.sub}`);
  });
}

/** The password client's own tokens refreshed through it: SECRET_HASH from the internal username, the device key. */
export async function passwordClientRefresh(
  t: Target,
  s: SessionTokens | undefined,
  expect: TokenExpectations | undefined,
  steps: Steps,
): Promise<void> {
  if (!s || !expect) {
    steps.skip("password-client-refresh", "no client allows USER_PASSWORD_AUTH");
    return;
  }
  if (s.client.clientSecret && !t.caps.refreshHashUsesInternalUsername) {
    steps.skip("password-client-refresh", SESSION_SKIP.refreshHash);
    return;
  }
  await steps.run("password-client-refresh", async () => {
    const fresh = await refresh(t, s.client, refreshToken(s), refreshOptions(s));
    const v = await verifyTokens(
      t,
      { IdToken: fresh.IdToken as string, AccessToken: fresh.AccessToken as string },
      expect,
    );
    if (v.sub !== s.verified.sub) throw new Error(`the refreshed tokens are for ${v.sub}, not ${s.verified.sub}`);
  });
}

async function expectRevokedRefresh(t: Target, s: SessionTokens): Promise<void> {
  const e = await expectError(() => refresh(t, s.client, refreshToken(s), refreshOptions(s)), "NotAuthorizedException");
  if (!REVOKED_REFRESH.test(e.message))
    throw new Error(`${s.client.key}'s refresh token was refused, but not as revoked: "${e.message}"`);
}

/** GlobalSignOut with the SRP session's access token revokes that session and every other client's tokens. */
export async function globalSignOut(
  t: Target,
  srp: SessionTokens,
  other: SessionTokens | undefined,
  steps: Steps,
): Promise<void> {
  await steps.run("global-sign-out", async () => {
    await t.send((o) => t.idp.send(new GlobalSignOutCommand({ AccessToken: srp.tokens.AccessToken }), o));
    await expectRevokedRefresh(t, srp);
    const e = await expectError(
      () => t.send((o) => t.idp.send(new GetUserCommand({ AccessToken: srp.tokens.AccessToken }), o)),
      "NotAuthorizedException",
    );
    if (t.caps.namesRevokedAccessToken && !REVOKED_ACCESS.test(e.message))
      throw new Error(`GetUser refused the signed-out access token, but not as revoked: "${e.message}"`);
  });
  if (!t.caps.namesRevokedAccessToken) steps.skip("revoked-access-token-message", SESSION_SKIP.accessMessage);
  if (!other) steps.skip("global-sign-out-other-client", "no second client signed the user in");
  else if (!t.caps.revokesEveryClientsTokens) steps.skip("global-sign-out-other-client", SESSION_SKIP.otherClient);
  else await steps.run("global-sign-out-other-client", () => expectRevokedRefresh(t, other));
}
