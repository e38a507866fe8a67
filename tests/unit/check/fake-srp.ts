/**
 * The server half of Cognito's SRP-6a (3072-bit group, g = 2, HKDF "Caldera Derived Key"), written
 * independently of cognito-srp-helper so the fake Cognito can tell a right password from a wrong
 * one by the proof alone, as Cognito does.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** RFC 3526 group 15 (3072-bit MODP). */
const N = BigInt(
  `0x${[
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD",
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
  ].join("")}`,
);
const G = 2n;

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
  }
  return r;
}

/** Even-length hex, with a leading 00 when the top bit is set (Java BigInteger bytes). */
function padHex(n: bigint): string {
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  return /^[89a-f]/.test(h) ? `00${h}` : h;
}

const hashHex = (hex: string): string => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");
const big = (hex: string): bigint => BigInt(`0x${hex}`);
const K_MULT = big(hashHex(padHex(N) + padHex(G)));

export interface SrpChallenge {
  salt: string;
  /** Server public value B, hex. */
  srpB: string;
  /** SECRET_BLOCK, base64. */
  secretBlock: string;
  /** Kept server-side to check the proof. */
  b: bigint;
  v: bigint;
  userId: string;
}

/** PASSWORD_VERIFIER parameters for a user whose SRP id is `userId` and password `password`. */
export function srpChallenge(poolId: string, userId: string, password: string): SrpChallenge {
  const salt = randomBytes(16).toString("hex");
  const inner = createHash("sha256")
    .update(`${poolId.split("_")[1]}${userId}:${password}`, "utf8")
    .digest("hex");
  const x = big(hashHex(padHex(big(salt)) + inner));
  const v = modPow(G, x, N);
  const b = big(randomBytes(32).toString("hex"));
  const B = (K_MULT * v + modPow(G, b, N)) % N;
  return { salt, srpB: B.toString(16), secretBlock: randomBytes(64).toString("base64"), b, v, userId };
}

/** True when the client's PASSWORD_CLAIM_SIGNATURE proves it knows the password. */
export function srpProofValid(
  poolId: string,
  c: SrpChallenge,
  srpA: string,
  timestamp: string,
  signature: string,
): boolean {
  const A = big(srpA);
  if (A % N === 0n) return false;
  const B = big(c.srpB);
  const u = big(hashHex(padHex(A) + padHex(B)));
  const S = modPow((A * modPow(c.v, u, N)) % N, c.b, N);
  const prk = createHmac("sha256", Buffer.from(padHex(u), "hex"))
    .update(Buffer.from(padHex(S), "hex"))
    .digest();
  const key = createHmac("sha256", prk)
    .update(Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const expected = createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(poolId.split("_")[1], "utf8"),
        Buffer.from(c.userId, "utf8"),
        Buffer.from(c.secretBlock, "base64"),
        Buffer.from(timestamp, "utf8"),
      ]),
    )
    .digest("base64");
  return expected === signature;
}
