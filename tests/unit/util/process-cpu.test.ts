import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { ownCpuSeconds, processCpuSeconds } from "../../../util/process-cpu";

describe("util/process-cpu", () => {
  it("reads another process's CPU seconds from /proc as it burns them, and nothing once it is gone", async function () {
    this.timeout(30_000);
    if (process.platform !== "linux") this.skip();
    // Burns 0.5 s of its own CPU, says so, then idles until killed. /proc counts in 10 ms ticks.
    const burn =
      "const c=()=>{const u=process.cpuUsage();return (u.user+u.system)/1e6};while(c()<0.5);console.log('done');setInterval(()=>{},1000)";
    const child = spawn(process.execPath, ["-e", burn]);
    await new Promise((r) => child.stdout.once("data", r));
    const cpu = processCpuSeconds(child.pid as number);
    assert.ok(cpu !== undefined && cpu >= 0.45 && cpu < 10, `cpu ${cpu}`);
    const exited = new Promise((r) => child.on("exit", r));
    child.kill("SIGKILL");
    await exited;
    assert.equal(processCpuSeconds(child.pid as number), undefined);
  });

  it("counts this process's own CPU", () => {
    const before = ownCpuSeconds();
    const u = () => {
      const x = process.cpuUsage();
      return (x.user + x.system) / 1e6;
    };
    const start = u();
    while (u() - start < 0.05);
    const spent = ownCpuSeconds() - before;
    assert.ok(spent >= 0.05 && spent < 5, `in seconds: ${spent}`);
  });
});
