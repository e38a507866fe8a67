/**
 * Cognito's SRP (USER_SRP_AUTH) client side, as cognito-srp-helper computes it, with the 3072-bit
 * modular exponentiations in OpenSSL (`crypto.createDiffieHellman`) and the hashes in `node:crypto`
 * instead of jsbn and crypto-js: those three `modPow`s per sign-in were most of a login flow's time.
 * Sessions have cognito-srp-helper's shape, so its `wrapInitiateAuth` / `wrapAuthChallenge` take
 * them; tests/unit/check/srp.test.ts checks both against the helper on fixed vectors.
 */
import { createDiffieHellman, createHash, createHmac, randomBytes } from "node:crypto";
import type { InitiateAuthResponse } from "@aws-sdk/client-cognito-identity-provider";

/** RFC 5054's 3072-bit group, Cognito's. */
const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";
export const SRP_N = BigInt(`0x${N_HEX}`);
export const SRP_G = 2n;
const N_BUF = Buffer.from(N_HEX, "hex");

const toBuf = (x: bigint): Buffer => {
  const h = x.toString(16);
  return Buffer.from(h.length % 2 ? `0${h}` : h, "hex");
};
const fromBuf = (b: Buffer): bigint => (b.length === 0 ? 0n : BigInt(`0x${b.toString("hex")}`));

/** `base^exp mod N` in native code: a DH key pair whose private key is `exp`, meeting public key `base`. */
export function modPowN(base: bigint, exp: bigint): bigint {
  const b = ((base % SRP_N) + SRP_N) % SRP_N;
  // OpenSSL refuses 0, 1 and N-1 as a peer key; their powers are trivial.
  if (b === 0n) return 0n;
  if (b === 1n) return 1n;
  if (b === SRP_N - 1n) return exp % 2n === 0n ? 1n : b;
  if (exp === 0n) return 1n;
  const dh = createDiffieHellman(N_BUF, Buffer.from([2]));
  dh.setPrivateKey(toBuf(exp));
  return fromBuf(dh.computeSecret(toBuf(b)));
}

/** The helper's hex encoding: even length, a leading `00` when the top bit is set. */
export function padHex(x: bigint): string {
  let h = x.toString(16);
  if (h.length % 2) h = `0${h}`;
  return /^[89a-f]/i.test(h) ? `00${h}` : h;
}

const sha256Hex = (data: Buffer | string): string => createHash("sha256").update(data).digest("hex");
const hashHex = (hex: string): string => sha256Hex(Buffer.from(hex, "hex"));
const K = BigInt(`0x${hashHex(`${padHex(SRP_N)}${padHex(SRP_G)}`)}`);

export interface SrpSession {
  username: string;
  poolId: string;
  poolIdAbbr: string;
  password: string;
  isHashed: boolean;
  timestamp: string;
  smallA: string;
  largeA: string;
}

export interface SignedSrpSession extends SrpSession {
  salt: string;
  secret: string;
  largeB: string;
  passwordSignature: string;
}

/** Cognito's TIMESTAMP: `Tue Dec 3 12:05:09 UTC 2026` (day not padded). */
export function srpTimestamp(d = new Date()): string {
  const day = d.toLocaleString("en-US", { timeZone: "UTC", weekday: "short" });
  const month = d.toLocaleString("en-US", { timeZone: "UTC", month: "short" });
  const time = d.toLocaleString("en-US", {
    hour: "2-digit",
    hourCycle: "h23",
    minute: "2-digit",
    second: "2-digit",
    timeZone: "UTC",
  });
  return `${day} ${month} ${d.getUTCDate()} ${time} UTC ${d.getUTCFullYear()}`;
}

/** `g^a mod N` for a client secret `a` (hex), the SRP_A a sign-in sends. */
export function largeAFor(smallA: string): string {
  const A = modPowN(SRP_G, BigInt(`0x${smallA}`));
  if (A === 0n) throw new Error("Aborting SRP due to 0 value received for client public key (A)");
  return A.toString(16);
}

/** A new SRP session; `isHashed: false` means `password` is the plain password. */
export function createSrpSession(username: string, password: string, poolId: string, isHashed = true): SrpSession {
  const smallA = BigInt(`0x${randomBytes(128).toString("hex")}`).toString(16);
  return {
    username,
    poolId,
    poolIdAbbr: poolId.split("_")[1],
    password,
    isHashed,
    timestamp: srpTimestamp(),
    smallA,
    largeA: largeAFor(smallA),
  };
}

/** PASSWORD_VERIFIER's PASSWORD_CLAIM_SIGNATURE for Cognito's challenge parameters. */
export function signSrpSession(session: SrpSession, response: Pick<InitiateAuthResponse, "ChallengeParameters">) {
  const p = response.ChallengeParameters;
  if (!p) throw new Error("Could not sign SRP session because of missing or undefined ChallengeResponses in response");
  const { SALT, SECRET_BLOCK, SRP_B, USER_ID_FOR_SRP } = p;
  if (!SALT || !SECRET_BLOCK || !SRP_B || !USER_ID_FOR_SRP)
    throw new Error("Could not sign SRP session: SALT, SECRET_BLOCK, SRP_B and USER_ID_FOR_SRP are all required");
  const B = BigInt(`0x${SRP_B}`);
  if (B % SRP_N === 0n) throw new Error("Aborting SRP due to 0 value received for server public key (B)");
  const passwordHash = session.isHashed
    ? session.password
    : sha256Hex(`${session.poolIdAbbr}${USER_ID_FOR_SRP}:${session.password}`);
  const A = BigInt(`0x${session.largeA}`);
  const u = BigInt(`0x${hashHex(padHex(A) + padHex(B))}`);
  if (u === 0n) throw new Error("Aborting SRP due to 0 value received for public key hash (u)");
  const x = BigInt(`0x${hashHex(padHex(BigInt(`0x${SALT}`)) + passwordHash)}`);
  const a = BigInt(`0x${session.smallA}`);
  const S = modPowN(B - K * modPowN(SRP_G, x), a + u * x);
  // HKDF-SHA256 with salt u and info "Caldera Derived Key", first 16 bytes.
  const prk = createHmac("sha256", Buffer.from(padHex(u), "hex"))
    .update(Buffer.from(padHex(S), "hex"))
    .digest();
  const hkdf = createHmac("sha256", prk)
    .update(Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const message = Buffer.concat([
    Buffer.from(session.poolIdAbbr, "utf8"),
    Buffer.from(USER_ID_FOR_SRP, "utf8"),
    Buffer.from(SECRET_BLOCK, "base64"),
    Buffer.from(session.timestamp, "utf8"),
  ]);
  return {
    ...session,
    salt: SALT,
    secret: SECRET_BLOCK,
    largeB: SRP_B,
    passwordSignature: createHmac("sha256", hkdf).update(message).digest("base64"),
  } satisfies SignedSrpSession;
}
