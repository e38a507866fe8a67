/**
 * Runs moto's server as the local Cognito emulator: on a free loopback port, region us-east-1, TOTP
 * codes checked. It never outlives this process: it is killed on exit, on SIGINT/SIGTERM and on an
 * uncaught error (Node emits `exit` then), and a watchdog inside the emulator process exits when
 * our end of its stdin pipe closes, which also covers this process being SIGKILLed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as net from "node:net";
import { VENV_DIR, venvPython } from "./setup";

export const EMULATOR_REGION = "us-east-1";
export const EMULATOR_HOST = "127.0.0.1";

/**
 * Runs `moto.server.main(["-H", host, "-p", port])` (what the `moto_server` script runs) behind a
 * thread that exits as soon as stdin reaches EOF, i.e. as soon as the parent is gone.
 */
const LAUNCHER = [
  "import os, sys, threading",
  "def _watch():",
  "    try:",
  "        while sys.stdin.buffer.read(4096):",
  "            pass",
  "    finally:",
  "        os._exit(0)",
  "threading.Thread(target=_watch, daemon=True).start()",
  "from moto.server import main",
  "main(sys.argv[1:])",
].join("\n");

export interface MotoServerOptions {
  /** The venv's interpreter (emulator/setup.ts). @default .venv-moto's python */
  python?: string;
  /** @default a free port */
  port?: number;
  /** How long to wait for the server to answer. @default 30000 */
  readyTimeoutMs?: number;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** The process to run instead of moto (tests use a stand-in). @default the moto launcher */
  command?: (port: number) => { cmd: string; args: string[] };
}

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** Aborted (with the reason) when the emulator exits without `stop()`. */
  readonly died: AbortSignal;
  /** Wipes every service's state (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s); safe to call twice. */
  stop(): Promise<void>;
  /** The last lines the server printed, for error messages. */
  logTail(): string;
}

const live = new Set<ChildProcess>();
let hooksInstalled = false;

function killAll(): void {
  for (const child of live) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
  live.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // `exit` also fires after an uncaught exception or unhandled rejection has ended the process.
  process.on("exit", killAll);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}

/** A port nothing listens on right now. */
export function freePort(host = EMULATOR_HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function spawnOnce(port: number, opts: MotoServerOptions): Promise<MotoServer> {
  const python = opts.python ?? venvPython(VENV_DIR);
  const { cmd, args } = opts.command?.(port) ?? {
    cmd: python,
    args: ["-c", LAUNCHER, "-H", EMULATOR_HOST, "-p", String(port)],
  };
  const child = spawn(cmd, args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: {
      ...process.env,
      MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: "true",
      AWS_DEFAULT_REGION: EMULATOR_REGION,
      AWS_REGION: EMULATOR_REGION,
      ...opts.env,
    },
  });
  live.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(
      ...chunk
        .toString("utf8")
        .split("\n")
        .filter((l) => l.trim()),
    );
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // Not unref'd on purpose: code awaiting the emulator's exit must keep the process alive, or Node
  // would end with code 0 in the middle of a run. Callers stop() it (the CLIs also process.exit()).
  child.stdin?.on("error", () => undefined);

  const died = new AbortController();
  let stopping = false;
  let exited: string | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      live.delete(child);
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!stopping) died.abort(new Error(`the emulator (moto, pid ${child.pid}) exited unexpectedly (${exited})`));
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.on("error", (e) => {
    spawnError = e;
    live.delete(child);
  });
  const endpoint = `http://${EMULATOR_HOST}:${port}`;
  const logTail = (): string => lines.slice(-15).join("\n");

  const server: MotoServer = {
    endpoint,
    port,
    pid: child.pid ?? -1,
    died: died.signal,
    logTail,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: "POST", signal: AbortSignal.timeout(10_000) });
      const body = await res.text();
      if (!res.ok) throw new Error(`emulator reset failed: HTTP ${res.status} ${body.slice(0, 200)}`);
    },
    async stop() {
      if (exited) return;
      stopping = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exitPromise;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  return (async () => {
    for (;;) {
      if (spawnError)
        throw new Error(
          `could not start the emulator (${cmd}): ${spawnError.message}. Run \`npm run emulator:setup\`.`,
        );
      if (exited) throw new Error(`the emulator exited during start-up (${exited}):\n${logTail()}`);
      if (await answers(`${endpoint}/moto-api/`, 1000)) return server;
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(
          `the emulator did not answer on ${endpoint} within ${opts.readyTimeoutMs ?? 30_000} ms:\n${logTail()}`,
        );
      }
      await sleep(100);
    }
  })();
}

/** Starts the emulator and waits until it answers; retries on another port if the port was taken meanwhile. */
export async function startMotoServer(opts: MotoServerOptions = {}): Promise<MotoServer> {
  installHooks();
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await spawnOnce(port, opts);
    } catch (e) {
      last = e;
      const taken = e instanceof Error && /address already in use/i.test(e.message);
      if (!taken || opts.port !== undefined) throw e;
    }
  }
  throw last;
}

/** Pids of emulator processes this process still owns (for tests). */
export function liveEmulatorPids(): number[] {
  return [...live].map((c) => c.pid ?? -1);
}
