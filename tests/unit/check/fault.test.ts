import * as assert from "node:assert";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import * as net from "node:net";
import {
  childrenOf,
  FAIL_FAST_LIMIT_MS,
  type FaultRun,
  faultProblems,
  leftoverProblems,
  portFree,
  stillRunning,
} from "../../../check/fault";

const GOOD: FaultRun = {
  code: 1,
  timedOut: false,
  failFastMs: 40,
  emulatorPid: 99,
  emulatorPort: 40000,
  children: [{ pid: 99, start: "123" }],
  output: [
    "emulator: moto on http://127.0.0.1:40000 (pid 99, .venv-moto/bin/python)",
    'fault: killing the emulator (pid 99) as step "refresh" starts',
    "  FAIL  emulator (stack dev) #1 refresh: Error: the emulator (moto, pid 99) exited unexpectedly (signal SIGKILL)",
    "12 passed, 1 failed, 3 skipped",
  ].join("\n"),
};

describe("check/fault", () => {
  it("accepts a run that failed fast, named the step and the dead emulator", () => {
    assert.deepStrictEqual(faultProblems(GOOD), []);
  });

  it("flags each way a run can fail to fail properly", () => {
    assert.match(faultProblems({ ...GOOD, code: 0 }).join(";"), /exited 0/);
    assert.match(faultProblems({ ...GOOD, timedOut: true, code: null }).join(";"), /hung/);
    assert.match(faultProblems({ ...GOOD, failFastMs: FAIL_FAST_LIMIT_MS + 1 }).join(";"), /to fail after the kill/);
    assert.match(faultProblems({ ...GOOD, failFastMs: undefined }).join(";"), /never killed/);
    assert.match(
      faultProblems({ ...GOOD, output: GOOD.output.replace("#1 refresh", "#1 get-user") }).join(";"),
      /no FAIL line names step "refresh"/,
    );
    assert.match(
      faultProblems({ ...GOOD, output: GOOD.output.replace("1 failed", "0 failed") }).join(";"),
      /no closing line with failures/,
    );
  });

  it("flags a run whose emulator pid was not printed, or was not one of its children", () => {
    assert.match(
      faultProblems({ ...GOOD, emulatorPid: undefined, emulatorPort: undefined }).join(";"),
      /printed no emulator pid and port/,
    );
    assert.match(
      faultProblems({ ...GOOD, children: [{ pid: 7, start: "1" }] }).join(";"),
      /emulator pid 99 was never seen as a child of the run \(seen: 7\)/,
    );
  });

  describe("leftovers", () => {
    it("sees a child process while it runs, and not after it is killed", async () => {
      const child = spawn("sleep", ["30"], { stdio: "ignore" });
      try {
        await new Promise((r) => setTimeout(r, 100));
        const mine = childrenOf(process.pid).find((p) => p.pid === child.pid);
        assert.ok(mine, "the sleep is a child of this process");
        assert.strictEqual(stillRunning(mine), true);
        assert.strictEqual(
          stillRunning({ ...mine, start: "0" }),
          false,
          "another process under a reused pid is not it",
        );
        const problems = await leftoverProblems({ ...GOOD, children: [mine], emulatorPort: undefined }, 200);
        assert.match(
          problems.join(";"),
          new RegExp(`process ${child.pid} started by the run is still running \\(orphan\\): sleep 30`),
        );
        child.kill("SIGKILL");
        await new Promise((r) => child.once("exit", r));
        assert.deepStrictEqual(
          await leftoverProblems({ ...GOOD, children: [mine], emulatorPort: undefined }, 2000),
          [],
        );
      } finally {
        child.kill("SIGKILL");
      }
    });

    it("flags the emulator's port while something still listens on it", async () => {
      const server = net.createServer((s) => s.destroy());
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const port = (server.address() as AddressInfo).port;
      assert.strictEqual(await portFree(port), false);
      assert.match(
        (await leftoverProblems({ ...GOOD, children: [], emulatorPort: port }, 0)).join(";"),
        new RegExp(`port ${port} of the killed emulator still accepts connections`),
      );
      await new Promise((r) => server.close(r));
      assert.strictEqual(await portFree(port), true);
      assert.deepStrictEqual(await leftoverProblems({ ...GOOD, children: [], emulatorPort: port }, 0), []);
    });
  });
});
