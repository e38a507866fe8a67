/**
 * An authenticator app: TOTP codes (SHA1, 6 digits, 30 s) computed with `otpauth` from the secret
 * AssociateSoftwareToken returned. A code is never handed out in the last seconds of its window
 * (moto accepts the current window only, no drift), and where the target rejects a reused code
 * the device waits for a window it has not used yet.
 */
import * as OTPAuth from "otpauth";

export const TOTP_PERIOD_MS = 30_000;
/** Codes this close to the end of their window wait for the next one. */
export const TOTP_MARGIN_MS = 2_000;

export interface TotpDeviceOptions {
  /** Wait for an unused window (Cognito accepts each code once). */
  rejectsReuse: boolean;
  /** @default Date.now */
  now?: () => number;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

export class TotpDevice {
  private readonly totp: OTPAuth.TOTP;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private lastWindow = -1;

  /** `secret` is base32 as Cognito returns it (moto returns lower case, which strict decoders refuse). */
  constructor(
    secret: string,
    private readonly o: TotpDeviceOptions,
  ) {
    this.totp = new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(secret.toUpperCase()),
      algorithm: "SHA1",
      digits: 6,
      period: TOTP_PERIOD_MS / 1000,
    });
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** The code for a time, as Cognito computes it. */
  codeAt(ms: number): string {
    return this.totp.generate({ timestamp: ms });
  }

  /** A code that stays valid for at least the margin and, if needed, was not used before. */
  async code(): Promise<string> {
    for (;;) {
      const t = this.now();
      const window = Math.floor(t / TOTP_PERIOD_MS);
      const left = (window + 1) * TOTP_PERIOD_MS - t;
      const reused = this.o.rejectsReuse && window <= this.lastWindow;
      if (left > TOTP_MARGIN_MS && !reused) {
        this.lastWindow = window;
        return this.codeAt(t);
      }
      await this.sleep(left + 50);
    }
  }
}
