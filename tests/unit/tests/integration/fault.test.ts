import * as assert from "assert";
import { FAIL_FAST_LIMIT_MS, faultProblems, FaultRun, processAlive } from "../../../integration/fault";

const GOOD: FaultRun = {
  code: 1,
  timedOut: false,
  failFastMs: 40,
  output: [
    "fault: killing the emulator (pid 99) as step \"refresh\" starts",
    "  FAIL  emulator (stack dev) #1 refresh: Error: the emulator (moto, pid 99) exited unexpectedly (signal SIGKILL)",
    "12 passed, 1 failed, 3 skipped",
  ].join("\n"),
};

describe("tests/integration/fault", () => {
  it("accepts a run that failed fast, named the step and the dead emulator", () => {
    assert.deepStrictEqual(faultProblems(GOOD), []);
  });

  it("flags each way a run can fail to fail properly", () => {
    assert.match(faultProblems({ ...GOOD, code: 0 }).join(";"), /exited 0/);
    assert.match(faultProblems({ ...GOOD, timedOut: true, code: null }).join(";"), /hung/);
    assert.match(faultProblems({ ...GOOD, failFastMs: FAIL_FAST_LIMIT_MS + 1 }).join(";"), /to fail after the kill/);
    assert.match(faultProblems({ ...GOOD, failFastMs: undefined }).join(";"), /never killed/);
    assert.match(faultProblems({ ...GOOD, output: GOOD.output.replace("#1 refresh", "#1 get-user") }).join(";"), /no FAIL line names step "refresh"/);
    assert.match(faultProblems({ ...GOOD, output: GOOD.output.replace("1 failed", "0 failed") }).join(";"), /no closing line with failures/);
  });

  it("sees this process as alive and a made-up pid as gone", () => {
    assert.strictEqual(processAlive(process.pid), true);
    assert.strictEqual(processAlive(2 ** 22 + 12345), false);
  });
});
