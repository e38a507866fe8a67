import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as helper from "cognito-srp-helper";
import {
  createSrpSession,
  largeAFor,
  modPowN,
  padHex,
  SRP_G,
  SRP_N,
  signSrpSession,
  srpTimestamp,
} from "../../../check/srp";

/** Square-and-multiply in BigInt: the reference the native path must match. */
function slowModPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  let b = ((base % m) + m) % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

/** Deterministic big numbers for fixed vectors. */
const fixed = (seed: string, bytes: number): bigint => {
  let hex = "";
  for (let i = 0; hex.length < bytes * 2; i++) hex += createHash("sha256").update(`${seed}-${i}`).digest("hex");
  return BigInt(`0x${hex.slice(0, bytes * 2)}`);
};

const POOL = "us-east-1_abcDEF123";

describe("check/srp", () => {
  it("computes base^exp mod N natively exactly as BigInt square-and-multiply does", () => {
    const cases: [bigint, bigint][] = [
      [SRP_G, fixed("a", 128)],
      [fixed("b", 384), fixed("e", 160)],
      [fixed("c", 400), 3n],
      [-fixed("d", 390), fixed("f", 64)],
      [SRP_G, 1n],
      [SRP_N - 1n, 5n],
      [SRP_N + 1n, 7n],
    ];
    for (const [b, e] of cases) assert.equal(modPowN(b, e), slowModPow(b, e, SRP_N));
    assert.equal(modPowN(fixed("z", 40), 0n), 1n);
  });

  it("encodes hex as the helper does", () => {
    assert.equal(padHex(0xfn), "0f");
    assert.equal(padHex(0x8fn), "008f");
    assert.equal(padHex(0x7fffn), "7fff");
  });

  it("gives the helper's SRP_A for the helper's own session secret", () => {
    for (let i = 0; i < 3; i++) {
      const s = helper.createSrpSession("user@example.com", "Secret-pw-1", POOL, false);
      assert.equal(largeAFor(s.smallA), s.largeA);
    }
  });

  it("signs fixed challenge parameters with the helper's exact signature", () => {
    const session = {
      username: "user@example.com",
      poolId: POOL,
      poolIdAbbr: "abcDEF123",
      password: "Secret-pw-1",
      isHashed: false,
      timestamp: "Thu Dec 3 12:05:09 UTC 2026",
      smallA: fixed("small-a", 128).toString(16),
      largeA: "",
    };
    session.largeA = slowModPow(SRP_G, BigInt(`0x${session.smallA}`), SRP_N).toString(16);
    for (const seed of ["one", "two", "three"]) {
      const response = {
        ChallengeParameters: {
          SALT: fixed(`salt-${seed}`, 16).toString(16),
          SRP_B: (fixed(`b-${seed}`, 384) % SRP_N).toString(16),
          SECRET_BLOCK: Buffer.from(`secret block ${seed}`).toString("base64"),
          USER_ID_FOR_SRP: `user-id-${seed}`,
        },
      };
      const ours = signSrpSession(session, response);
      const theirs = helper.signSrpSession(session, response);
      assert.equal(ours.passwordSignature, theirs.passwordSignature, seed);
      assert.deepEqual(ours, theirs);
    }
  });

  it("makes sessions the helper signs the same way, with Cognito's timestamp format", () => {
    const s = createSrpSession("user@example.com", "Secret-pw-1", POOL, false);
    assert.equal(s.poolIdAbbr, "abcDEF123");
    assert.equal(slowModPow(SRP_G, BigInt(`0x${s.smallA}`), SRP_N).toString(16), s.largeA);
    const response = {
      ChallengeParameters: {
        SALT: "a1b2c3",
        SRP_B: (fixed("b", 384) % SRP_N).toString(16),
        SECRET_BLOCK: "c2VjcmV0",
        USER_ID_FOR_SRP: "u",
      },
    };
    assert.equal(signSrpSession(s, response).passwordSignature, helper.signSrpSession(s, response).passwordSignature);
    assert.equal(srpTimestamp(new Date(Date.UTC(2026, 11, 3, 2, 5, 9))), "Thu Dec 3 02:05:09 UTC 2026");
    assert.throws(
      () => signSrpSession(s, { ChallengeParameters: { ...response.ChallengeParameters, SRP_B: "0" } }),
      /B/,
    );
  });
});
