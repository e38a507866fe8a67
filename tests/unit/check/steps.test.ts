import * as assert from "node:assert";
import { Report, StepFailure } from "../../../check/report";
import { Steps } from "../../../check/steps";

describe("check/steps", () => {
  it("times and counts a passing step and returns its value", async () => {
    const r = new Report(() => undefined, false);
    const s = new Steps(r, "emulator (stack dev) #1");
    assert.strictEqual(await s.run("sign-up", async () => 42), 42);
    assert.strictEqual(r.passed, 1);
    assert.strictEqual(r.timings.samples("sign-up").length, 1);
  });

  it("turns a failure into a StepFailure naming the step, after the hook ran", async () => {
    const lines: string[] = [];
    const r = new Report((l) => lines.push(l), false);
    const seen: string[] = [];
    const s = new Steps(r, "dev #2", {
      beforeStep: (step) => {
        seen.push(step);
      },
    });
    await assert.rejects(
      s.run("refresh", () => Promise.reject(new Error("ECONNREFUSED"))),
      (e: unknown) => e instanceof StepFailure && e.step === "refresh" && /ECONNREFUSED/.test(e.message),
    );
    assert.deepStrictEqual(seen, ["refresh"]);
    assert.strictEqual(r.failed, 1);
    assert.deepStrictEqual(lines, ["  FAIL  dev #2 refresh: Error: ECONNREFUSED"]);
  });

  it("prints notes under its prefix without counting them", () => {
    const lines: string[] = [];
    const r = new Report((l) => lines.push(l), false);
    new Steps(r, "aws (stack dev)").note("swept 2 check user(s) older than a day");
    assert.deepStrictEqual(lines, ["  aws (stack dev): swept 2 check user(s) older than a day"]);
    assert.strictEqual(r.closingLine(), "0 passed, 0 failed");
  });
});
