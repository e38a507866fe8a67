/**
 * TOTP enrolment, both ways Cognito offers it: with an access token when MFA is optional, or
 * inside sign-in (the MFA_SETUP challenge) when the pool requires MFA. Either way the device is
 * verified with a real code and made the preferred factor.
 */
import {
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { type AppClient, type AuthStep, answer, expectTokens } from "./auth";
import type { Target } from "./target";
import { TotpDevice } from "./totp";

export interface Enrolled {
  device: TotpDevice;
  /** Tokens, when enrolment finished a sign-in (MFA_SETUP). */
  tokens?: { IdToken: string; AccessToken: string; RefreshToken?: string };
}

/** The authenticator app for this target (its clock, and whether codes are single-use). */
function totpDevice(t: Target, secret: string): TotpDevice {
  const c = t.clock;
  return new TotpDevice(secret, {
    rejectsReuse: t.caps.rejectsReusedTotp,
    ...(c ? { now: () => c.now(), sleep: (ms: number) => c.sleep(ms) } : {}),
  });
}

async function verify(
  t: Target,
  device: TotpDevice,
  by: { AccessToken?: string; Session?: string },
): Promise<string | undefined> {
  const code = await device.code();
  const res = await t.send((o) =>
    t.idp.send(new VerifySoftwareTokenCommand({ ...by, UserCode: code, FriendlyDeviceName: "login-check" }), o),
  );
  if (res.Status !== "SUCCESS") throw new Error(`VerifySoftwareToken: status ${res.Status ?? "none"}`);
  return res.Session;
}

export async function preferTotp(t: Target, accessToken: string): Promise<void> {
  await t.send((o) =>
    t.idp.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
      o,
    ),
  );
}

/** Signed in without MFA (optional MFA): associate, verify, prefer. */
export async function enrolWithAccessToken(t: Target, accessToken: string): Promise<Enrolled> {
  const assoc = await t.send((o) => t.idp.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }), o));
  if (!assoc.SecretCode) throw new Error("AssociateSoftwareToken returned no secret");
  const device = totpDevice(t, assoc.SecretCode);
  await verify(t, device, { AccessToken: accessToken });
  await preferTotp(t, accessToken);
  return { device };
}

/** Sign-in stopped at MFA_SETUP (required MFA): associate and verify with the session, finish the sign-in, prefer. */
export async function enrolDuringSignIn(t: Target, client: AppClient, setup: AuthStep): Promise<Enrolled> {
  const assoc = await t.send((o) => t.idp.send(new AssociateSoftwareTokenCommand({ Session: setup.session }), o));
  if (!assoc.SecretCode) throw new Error("AssociateSoftwareToken returned no secret");
  const device = totpDevice(t, assoc.SecretCode);
  const session = await verify(t, device, { Session: assoc.Session ?? setup.session });
  const done = await answer(t, client, setup, "MFA_SETUP", {}, session);
  const tokens = expectTokens(done, "MFA_SETUP");
  await preferTotp(t, tokens.AccessToken);
  return { device, tokens };
}
