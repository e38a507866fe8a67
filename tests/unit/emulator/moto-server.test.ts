import * as assert from "node:assert";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { freePort, liveEmulatorPids, startMotoServer } from "../../../emulator/moto-server";
import { TS_LOADER_ARGS } from "../../../util/ts-loader";

/**
 * A stand-in for moto: answers /moto-api/ and POST /moto-api/reset (counting resets at
 * /count), optionally only after a delay, and has no watchdog of its own, so only the parent's
 * hooks can end it.
 */
const FAKE = `
const http = require("http");
const [port, delayMs] = process.argv.slice(1).map(Number);
let resets = 0;
const srv = http.createServer((req, res) => {
  if (req.url === "/moto-api/reset" && req.method === "POST") { resets++; res.end('{"status":"ok"}'); return; }
  if (req.url === "/count") { res.end(String(resets)); return; }
  res.end("ok");
});
setTimeout(() => srv.listen(port, "127.0.0.1"), delayMs);
`;

const fake =
  (delayMs = 0) =>
  (port: number) => ({ cmd: process.execPath, args: ["-e", FAKE, String(port), String(delayMs)] });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe("emulator/moto-server", () => {
  it("finds a free port", async () => {
    const p = await freePort();
    assert.ok(p > 0 && p < 65536);
  });

  it("starts on a free loopback port, waits until it answers, resets and stops", async () => {
    const s = await startMotoServer({ command: fake(300) });
    try {
      assert.match(s.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.strictEqual(await (await fetch(`${s.endpoint}/moto-api/`)).text(), "ok", "ready only once it answers");
      await s.reset();
      await s.reset();
      assert.strictEqual(await (await fetch(`${s.endpoint}/count`)).text(), "2");
      assert.ok(liveEmulatorPids().includes(s.pid));
    } finally {
      await s.stop();
    }
    assert.ok(await waitGone(s.pid, 2000));
    assert.strictEqual(s.died.aborted, false, "a requested stop is not a death");
    assert.ok(!liveEmulatorPids().includes(s.pid));
  });

  it("gives up after the readiness timeout and kills what it started", async () => {
    const started = Date.now();
    await assert.rejects(
      startMotoServer({ command: fake(60_000), readyTimeoutMs: 800 }),
      /did not answer on http:\/\/127\.0\.0\.1:\d+ within 800 ms/,
    );
    assert.ok(Date.now() - started < 6000);
    assert.deepStrictEqual(liveEmulatorPids(), []);
  });

  it("reports a server that exits during start-up", async () => {
    await assert.rejects(
      startMotoServer({
        command: () => ({ cmd: process.execPath, args: ["-e", "console.error('boom: no moto'); process.exit(3)"] }),
      }),
      /exited during start-up \(exit code 3\):\nboom: no moto/,
    );
  });

  it("signals `died` with the reason when the server is killed", async () => {
    const s = await startMotoServer({ command: fake() });
    process.kill(s.pid, "SIGKILL");
    await new Promise<void>((r) => s.died.addEventListener("abort", () => r(), { once: true }));
    assert.match(String(s.died.reason), /exited unexpectedly \(signal SIGKILL\)/);
  });

  for (const how of ["uncaught-error", "SIGINT", "exit"] as const) {
    it(`leaves no server behind when its owner ends by ${how}`, async () => {
      const root = path.resolve(__dirname, "../../..");
      const script = `
        const { startMotoServer } = require(${JSON.stringify(path.join(root, "emulator/moto-server"))});
        const FAKE = ${JSON.stringify(FAKE)};
        startMotoServer({ command: (port) => ({ cmd: process.execPath, args: ["-e", FAKE, String(port), "0"] }) }).then((s) => {
          console.log("PID " + s.pid);
          ${how === "uncaught-error" ? "setTimeout(() => { throw new Error('boom'); }, 10);" : how === "SIGINT" ? "process.kill(process.pid, 'SIGINT');" : "process.exit(0);"}
        });`;
      const child = spawn(process.execPath, [...TS_LOADER_ARGS, "-e", script], {
        cwd: root,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString()));
      const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      const pid = Number(/PID (\d+)/.exec(out)?.[1]);
      assert.ok(pid > 0, `the owner printed the server pid (exit ${code}, output ${out})`);
      assert.ok(await waitGone(pid, 3000), `server ${pid} still running after its owner ended by ${how}`);
      if (how === "SIGINT") assert.strictEqual(code, 130);
      if (how === "uncaught-error") assert.notStrictEqual(code, 0);
    });
  }
});
