import * as assert from "node:assert";
import { Report } from "../../../check/report";
import { afterRun, runCheck, runPool } from "../../../check/run-check";
import { Steps } from "../../../check/steps";
import { EMULATOR_CAPABILITIES } from "../../../check/target";
import { startFakeCognito } from "./fake-cognito";

describe("check/run-check", () => {
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
    assert.deepStrictEqual(
      [...done].sort((a, b) => a - b),
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it("starts no new flow once told to stop", async () => {
    const started: number[] = [];
    let stop = false;
    await runPool(
      50,
      5,
      async (i) => {
        started.push(i);
        if (i === 7) stop = true;
        await new Promise((r) => setTimeout(r, 1));
      },
      () => stop,
    );
    assert.ok(started.length <= 7 + 5, `started ${started.length}`);
  });
});

describe("check/run-check against the fake Cognito", () => {
  const DAY = 24 * 60 * 60 * 1000;

  it("on AWS: describes the pool, runs the flow, finds nothing left, and sweeps check users older than a day", async () => {
    const fc = await startFakeCognito();
    try {
      const old = new Date(Date.now() - 2 * DAY);
      fc.addUser("login-check+zzzzzz-1@example.com", { created: old });
      fc.addUser("success+login-check-yyyyyy-1@simulator.amazonses.com", { created: old });
      fc.addUser("success+login-check-xxxxxx-1@simulator.amazonses.com", { created: new Date() });
      const lines: string[] = [];
      const report = new Report((l) => lines.push(l), true);
      const summary = await runCheck(fc.target, report, { runId: "run9" });
      assert.strictEqual(report.failed, 0, lines.join("\n"));
      assert.strictEqual(summary.flowsFailed, 0);
      assert.strictEqual(fc.actions()[0], "DescribeUserPool");
      assert.ok(
        lines.some((l) => /ok {4}fake no-users-left/.test(l)) &&
          lines.some((l) => /ok {4}fake sweep-stale-users/.test(l)),
      );
      assert.ok(lines.includes("  fake: swept 2 check user(s) older than a day"), lines.join("\n"));
      assert.deepStrictEqual(
        [...fc.users.values()].map((u) => u.email),
        ["success+login-check-xxxxxx-1@simulator.amazonses.com"],
      );
      assert.strictEqual(report.timings.samples("whole flow").length, 1);
      assert.strictEqual(report.timings.samples("whole flow (failed)").length, 0);
    } finally {
      await fc.close();
    }
  });

  it("times failed flows apart from passing ones", async () => {
    const fc = await startFakeCognito({ faults: { acceptsAnySrpProof: true } });
    try {
      const report = new Report(() => undefined, false);
      const summary = await runCheck(fc.target, report, { runId: "run8", users: 2, concurrency: 2 });
      assert.strictEqual(summary.flowsFailed, 2);
      assert.strictEqual(report.timings.samples("whole flow").length, 0);
      assert.strictEqual(report.timings.samples("whole flow (failed)").length, 2);
      assert.match(report.timings.table(), /^whole flow \(failed\)\s+2\s/m);
    } finally {
      await fc.close();
    }
  });

  it("fails no-users-left on a leftover of this run, then deletes it; on the emulator skips the sweep with the reason", async () => {
    const fc = await startFakeCognito({ caps: EMULATOR_CAPABILITIES });
    try {
      fc.addUser("login-check+run7-3@example.com");
      fc.addUser("login-check+other-3@example.com", { created: new Date(Date.now() - 3 * DAY) });
      const lines: string[] = [];
      const report = new Report((l) => lines.push(l), true);
      await afterRun(fc.target, "run7", new Steps(report, "emu"));
      assert.strictEqual(report.failed, 1);
      assert.match(lines[0], /FAIL {2}emu no-users-left: Error: 1 user\(s\) left behind/);
      assert.match(lines[1], /ok {4}emu leftover-cleanup/);
      assert.strictEqual(lines[2], "  skip  emu sweep-stale-users: a fresh emulator holds no users of earlier runs");
      assert.deepStrictEqual(
        [...fc.users.values()].map((u) => u.email),
        ["login-check+other-3@example.com"],
      );
    } finally {
      await fc.close();
    }
  });
});
