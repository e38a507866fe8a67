import * as assert from "node:assert";
import { backoffCeiling, isThrottling, withBackoff } from "../../../check/retry";

const named = (name: string): Error => Object.assign(new Error(name), { name });

describe("check/retry", () => {
  it("retries throttling with exponentially growing, jittered waits, then succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const out = await withBackoff(
      async () => {
        calls++;
        if (calls <= 3) throw named("TooManyRequestsException");
        return "ok";
      },
      {
        baseMs: 100,
        maxMs: 10_000,
        random: () => 0.5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    assert.strictEqual(out, "ok");
    assert.strictEqual(calls, 4);
    assert.deepStrictEqual(waits, [50, 100, 200]);
  });

  it("gives up after the retry budget with the throttling error", async () => {
    let calls = 0;
    await assert.rejects(
      withBackoff(
        async () => {
          calls++;
          throw named("TooManyRequestsException");
        },
        { retries: 2, sleep: async () => undefined },
      ),
      /TooManyRequestsException/,
    );
    assert.strictEqual(calls, 3);
  });

  it("never retries other errors: a wrong answer is not throttling", async () => {
    let calls = 0;
    await assert.rejects(
      withBackoff(
        async () => {
          calls++;
          throw named("NotAuthorizedException");
        },
        { sleep: async () => undefined },
      ),
      /NotAuthorizedException/,
    );
    assert.strictEqual(calls, 1);
  });

  it("stops retrying once aborted", async () => {
    const ac = new AbortController();
    ac.abort();
    let calls = 0;
    await assert.rejects(
      withBackoff(
        async () => {
          calls++;
          throw named("TooManyRequestsException");
        },
        { signal: ac.signal, sleep: async () => undefined },
      ),
    );
    assert.strictEqual(calls, 1);
  });

  it("caps the ceiling and classifies throttling names", () => {
    assert.deepStrictEqual(
      [0, 1, 2, 10].map((n) => backoffCeiling(n, 200, 5000)),
      [200, 400, 800, 5000],
    );
    assert.strictEqual(isThrottling(named("ThrottlingException")), true);
    assert.strictEqual(isThrottling(named("InvalidPasswordException")), false);
    assert.strictEqual(isThrottling(named("LimitExceededException")), false, "a quota: waiting does not lift it");
    assert.strictEqual(isThrottling("TooManyRequestsException"), false);
  });
});
