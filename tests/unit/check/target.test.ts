import * as assert from "node:assert";
import { makeSend } from "../../../check/target";

const named = (name: string): Error => Object.assign(new Error(name), { name });

describe("check/target", () => {
  it("bounds every call with a timeout", async () => {
    const send = makeSend(100, { count: 0 });
    const started = Date.now();
    await assert.rejects(
      send(
        ({ abortSignal }) =>
          new Promise((_, reject) => abortSignal.addEventListener("abort", () => reject(named("AbortError")))),
      ),
      /no answer within 100 ms/,
    );
    assert.ok(Date.now() - started < 2000);
  });

  it("fails at once with the reason when the target is gone, also mid-call", async () => {
    const gone = new AbortController();
    const send = makeSend(10_000, { count: 0 }, gone.signal);
    const pending = send(
      ({ abortSignal }) =>
        new Promise((_, reject) => abortSignal.addEventListener("abort", () => reject(named("AbortError")))),
    );
    gone.abort(new Error("the emulator exited unexpectedly (signal SIGKILL)"));
    await assert.rejects(pending, /exited unexpectedly/);
    let called = false;
    await assert.rejects(
      send(async () => {
        called = true;
      }),
      /exited unexpectedly/,
    );
    assert.strictEqual(called, false);
  });

  it("retries throttled calls and counts the retries", async () => {
    const retries = { count: 0 };
    const send = makeSend(1000, retries);
    let n = 0;
    const out = await send(async () => {
      if (++n < 3) throw named("TooManyRequestsException");
      return "done";
    });
    assert.strictEqual(out, "done");
    assert.strictEqual(retries.count, 2);
  });
});
