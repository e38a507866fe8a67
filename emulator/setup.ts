/**
 * Installs the local Cognito emulator (moto's server, pinned in emulator/requirements.txt) into a
 * project-local virtualenv, `.venv-moto/`. Idempotent: the venv keeps a hash of the requirements
 * it was built from and is only (re)installed when that hash is missing or different.
 *
 * `npm run emulator:setup` runs it on its own; `npm run local` and `npm run test:integration` call
 * `ensureEmulator()` first.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";

export const REQUIREMENTS_FILE = path.join(PROJECT_ROOT, "emulator", "requirements.txt");
export const VENV_DIR = path.join(PROJECT_ROOT, ".venv-moto");
/** Written last, so an interrupted install is redone next time. */
const MARKER = ".requirements.sha256";
const MIN_PYTHON: readonly [number, number] = [3, 10];

/** A problem the user can fix; its message says how. */
export class EmulatorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmulatorSetupError";
  }
}

export interface SetupOptions {
  /** Virtualenv directory. @default <project>/.venv-moto */
  venvDir?: string;
  /** Pinned requirements. @default emulator/requirements.txt */
  requirementsFile?: string;
  /** Python used to create the venv; else `$PYTHON`, `python3`, `python`. */
  python?: string;
  /** Progress lines. @default none */
  log?: (line: string) => void;
}

export interface SetupResult {
  venvDir: string;
  /** The venv's interpreter. */
  python: string;
  /** false when the venv already matched the requirements. */
  installed: boolean;
}

export function venvPython(venvDir: string): string {
  return process.platform === "win32"
    ? path.join(venvDir, "Scripts", "python.exe")
    : path.join(venvDir, "bin", "python");
}

export function requirementsHash(file: string): string {
  if (!fs.existsSync(file)) throw new EmulatorSetupError(`missing ${file}: the emulator's pinned requirements`);
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** True when the venv exists, has an interpreter and was built from exactly these requirements. */
export function venvIsCurrent(venvDir: string, requirementsFile: string): boolean {
  const marker = path.join(venvDir, MARKER);
  if (!fs.existsSync(venvPython(venvDir)) || !fs.existsSync(marker)) return false;
  return fs.readFileSync(marker, "utf8").trim() === requirementsHash(requirementsFile);
}

/** Parses `3.11.7` style output; undefined when it is not a version. */
export function parsePythonVersion(out: string): [number, number] | undefined {
  const m = /(\d+)\.(\d+)/.exec(out);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function pythonIsRecentEnough(v: [number, number]): boolean {
  return v[0] > MIN_PYTHON[0] || (v[0] === MIN_PYTHON[0] && v[1] >= MIN_PYTHON[1]);
}

const INSTALL_HINT = [
  "Install Python 3.10 or newer with its venv module, then run `npm run emulator:setup`:",
  "  Debian/Ubuntu: sudo apt-get install python3 python3-venv",
  "  macOS:         brew install python@3.12",
  '  Windows:       https://www.python.org/downloads/ (tick "Add python.exe to PATH")',
  "Or point PYTHON at an existing interpreter: PYTHON=/path/to/python3 npm run emulator:setup",
].join("\n");

/** The first usable interpreter among the candidates, or a clear error saying what to install. */
export function findPython(candidates: string[]): string {
  const tried: string[] = [];
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (r.error || r.status !== 0) {
      tried.push(`${cmd}: not found`);
      continue;
    }
    const v = parsePythonVersion(r.stdout);
    if (v && pythonIsRecentEnough(v)) return cmd;
    tried.push(`${cmd}: Python ${r.stdout.trim()} is too old`);
  }
  throw new EmulatorSetupError(
    `The local Cognito emulator (moto) needs Python ${MIN_PYTHON.join(".")}+ and none was found (${tried.join("; ")}).\n${INSTALL_HINT}`,
  );
}

function run(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? "")).trim().split("\n").slice(-15).join("\n");
    const venvHint = /ensurepip|venv/.test(detail)
      ? `\nThe venv module is missing: sudo apt-get install python3-venv (Debian/Ubuntu).`
      : "";
    throw new EmulatorSetupError(`${what} failed (${cmd} ${args.join(" ")}):\n${detail}${venvHint}`);
  }
}

/** Creates or refreshes the emulator's virtualenv; a no-op when it already matches the requirements. */
export function ensureEmulator(opts: SetupOptions = {}): SetupResult {
  const venvDir = opts.venvDir ?? VENV_DIR;
  const requirementsFile = opts.requirementsFile ?? REQUIREMENTS_FILE;
  const log = opts.log ?? (() => undefined);
  const python = venvPython(venvDir);
  if (venvIsCurrent(venvDir, requirementsFile)) return { venvDir, python, installed: false };

  const hash = requirementsHash(requirementsFile);
  if (!fs.existsSync(python)) {
    const base = opts.python ?? findPython([process.env.PYTHON, "python3", "python"].filter((c): c is string => !!c));
    log(`creating virtualenv ${path.relative(PROJECT_ROOT, venvDir) || venvDir} with ${base}`);
    run(base, ["-m", "venv", venvDir], "creating the emulator's virtualenv");
  }
  fs.rmSync(path.join(venvDir, MARKER), { force: true });
  log(
    `installing ${path.relative(PROJECT_ROOT, requirementsFile)} (moto server, pinned); this takes about a minute the first time`,
  );
  run(
    python,
    ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "-r", requirementsFile],
    "installing the emulator's requirements",
  );
  run(python, ["-c", "import moto.server"], "checking the moto install");
  fs.writeFileSync(path.join(venvDir, MARKER), `${hash}\n`);
  return { venvDir, python, installed: true };
}

if (require.main === module) {
  try {
    const started = Date.now();
    const r = ensureEmulator({ log: (l) => process.stdout.write(`emulator setup: ${l}\n`) });
    const took = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      r.installed
        ? `emulator setup: ready in ${took}s (${r.python})\n`
        : `emulator setup: already up to date (${r.python})\n`,
    );
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof EmulatorSetupError ? 2 : 1);
  }
}
