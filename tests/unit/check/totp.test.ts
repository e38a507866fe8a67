import * as assert from "node:assert";
import { TotpDevice } from "../../../check/totp";

/** RFC 6238 appendix B, SHA1 secret "12345678901234567890" in base32. */
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("check/totp", () => {
  it("computes RFC 6238 codes (6 digits)", () => {
    const d = new TotpDevice(RFC_SECRET, { rejectsReuse: false });
    assert.strictEqual(d.codeAt(59_000), "287082");
    assert.strictEqual(d.codeAt(1_111_111_109_000), "081804");
  });

  it("accepts the lower-case secret moto hands out", () => {
    const lower = new TotpDevice("asdfasdfasdf", { rejectsReuse: false });
    const upper = new TotpDevice("ASDFASDFASDF", { rejectsReuse: false });
    assert.strictEqual(lower.codeAt(1_700_000_000_000), upper.codeAt(1_700_000_000_000));
  });

  it("waits out the last seconds of a window", async () => {
    let now = 29_000;
    const waits: number[] = [];
    const d = new TotpDevice(RFC_SECRET, {
      rejectsReuse: false,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const code = await d.code();
    assert.deepStrictEqual(waits, [1050]);
    assert.strictEqual(code, d.codeAt(30_050));
  });

  it("waits for an unused window where codes are single-use, and not where they are not", async () => {
    let now = 1_000;
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => {
      waits.push(ms);
      now += ms;
    };
    const once = new TotpDevice(RFC_SECRET, { rejectsReuse: true, now: () => now, sleep });
    const a = await once.code();
    const b = await once.code();
    assert.notStrictEqual(a, b);
    assert.deepStrictEqual(waits, [29_050]);

    now = 1_000;
    const reusable = new TotpDevice(RFC_SECRET, { rejectsReuse: false, now: () => now, sleep });
    assert.strictEqual(await reusable.code(), await reusable.code());
    assert.deepStrictEqual(waits, [29_050]);
  });
});
