import * as assert from "assert";
import { runPool } from "../../../integration/run-check";

describe("tests/integration/run-check", () => {
  it("runs every flow once with at most C at a time", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool(25, 4, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      done.push(i);
    });
    assert.strictEqual(peak, 4);
    assert.deepStrictEqual([...done].sort((a, b) => a - b), Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("starts no new flow once told to stop", async () => {
    const started: number[] = [];
    let stop = false;
    await runPool(50, 5, async (i) => {
      started.push(i);
      if (i === 7) stop = true;
      await new Promise((r) => setTimeout(r, 1));
    }, () => stop);
    assert.ok(started.length <= 7 + 5, `started ${started.length}`);
  });
});
