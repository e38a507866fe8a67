import * as assert from "node:assert";
import { describeError, Report, StepFailure } from "../../../check/report";

describe("check/report", () => {
  it("prints the closing line with skips only when there are some", () => {
    const lines: string[] = [];
    const r = new Report((l) => lines.push(l), true);
    r.pass("a", "a", 1);
    r.fail("b", "boom");
    assert.strictEqual(r.closingLine(), "1 passed, 1 failed");
    r.skip("c", "c", "why");
    assert.strictEqual(r.closingLine(), "1 passed, 1 failed, 1 skipped");
    assert.deepStrictEqual(lines, ["  ok    a (1 ms)", "  FAIL  b: boom", "  skip  c: why"]);
  });

  it("when quiet, prints failures always and each skip reason once, but counts every skip", () => {
    const lines: string[] = [];
    const r = new Report((l) => lines.push(l), false);
    for (const n of [1, 2, 3]) {
      r.pass(`#${n} sign-up`, "sign-up", 10 * n);
      r.skip(`#${n} refused`, "refused", "emulator");
    }
    r.fail("#2 refresh", "dead");
    assert.deepStrictEqual(lines, ["  skip  #1 refused: emulator", "  FAIL  #2 refresh: dead"]);
    assert.strictEqual(r.closingLine(), "3 passed, 1 failed, 3 skipped");
    assert.deepStrictEqual(r.timings.samples("sign-up"), [10, 20, 30]);
  });

  it("describes SDK errors with their name and HTTP status, and step failures by step", () => {
    const e = Object.assign(new Error("Password did not conform"), {
      name: "InvalidPasswordException",
      $metadata: { httpStatusCode: 400 },
    });
    assert.strictEqual(describeError(e), "InvalidPasswordException: Password did not conform (HTTP 400)");
    assert.strictEqual(
      describeError(new StepFailure("refresh", "dev #1 refresh", "gone")),
      'step "refresh" failed (dev #1 refresh): gone',
    );
  });
});
