/**
 * Installs zizmor (the GitHub Actions security linter, pinned by hash in
 * workflows-lint/requirements.txt) into a project-local virtualenv, `workflows-lint/.venv-zizmor/`,
 * the way emulator/setup.ts installs moto: from the project's own files, only wheels (zizmor ships
 * its binary inside them, nothing is downloaded or built besides), and only when the requirements
 * changed since the venv was built (a hash of them is written last, so an interrupted install is
 * redone next time).
 *
 * The workflow tests (tests/unit/workflows-lint/) and `npm run lint:workflows` call
 * `ensureZizmor()` first; `ts-node workflows-lint/setup.ts` runs it on its own.
 */

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  parsePythonVersion,
  pythonIsRecentEnough,
  requirementsHash,
  venvIsCurrent,
  venvPython,
} from "../emulator/setup";
import { PROJECT_ROOT } from "../util/project-root";

export const ZIZMOR_REQUIREMENTS = path.join(PROJECT_ROOT, "workflows-lint", "requirements.txt");
export const ZIZMOR_VENV = path.join(PROJECT_ROOT, "workflows-lint", ".venv-zizmor");
/** The marker emulator/setup.ts's venvIsCurrent reads: the hash of the requirements the venv has. */
const MARKER = ".requirements.sha256";

/** A problem the user can fix; its message says how. */
export class ZizmorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZizmorSetupError";
  }
}

export interface ZizmorSetupOptions {
  /** Virtualenv directory. @default workflows-lint/.venv-zizmor */
  venvDir?: string;
  /** Hash-pinned requirements. @default workflows-lint/requirements.txt */
  requirementsFile?: string;
  /** Python used to create the venv; else `$PYTHON`, `python3`, `python`. */
  python?: string;
  /** Progress lines. @default none */
  log?: (line: string) => void;
}

export interface ZizmorSetupResult {
  venvDir: string;
  /** The zizmor executable in the venv. */
  zizmor: string;
  /** false when the venv already matched the requirements. */
  installed: boolean;
}

export function zizmorBin(venvDir: string): string {
  return process.platform === "win32"
    ? path.join(venvDir, "Scripts", "zizmor.exe")
    : path.join(venvDir, "bin", "zizmor");
}

/** The first interpreter among the candidates that is Python 3.10+, or an error saying what to install. */
export function findPythonForZizmor(candidates: string[]): string {
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
  throw new ZizmorSetupError(
    `The workflow linter zizmor is installed with pip and needs Python 3.10+ with its venv module; none was found (${tried.join("; ")}).\n` +
      "Install it (Debian/Ubuntu: sudo apt-get install python3 python3-venv) or point PYTHON at one.",
  );
}

function run(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? "")).trim().split("\n").slice(-15).join("\n");
    throw new ZizmorSetupError(`${what} failed (${cmd} ${args.join(" ")}):\n${detail}`);
  }
}

/** True when the venv was built from exactly these requirements and has the zizmor executable. */
export function zizmorIsCurrent(venvDir: string, requirementsFile: string): boolean {
  return venvIsCurrent(venvDir, requirementsFile) && fs.existsSync(zizmorBin(venvDir));
}

/** Creates or refreshes zizmor's virtualenv; a no-op when it already matches the requirements. */
export function ensureZizmor(opts: ZizmorSetupOptions = {}): ZizmorSetupResult {
  const venvDir = opts.venvDir ?? ZIZMOR_VENV;
  const requirementsFile = opts.requirementsFile ?? ZIZMOR_REQUIREMENTS;
  const log = opts.log ?? (() => undefined);
  const zizmor = zizmorBin(venvDir);
  if (!fs.existsSync(requirementsFile))
    throw new ZizmorSetupError(`missing ${requirementsFile}: zizmor's hash-pinned requirements`);
  if (zizmorIsCurrent(venvDir, requirementsFile)) return { venvDir, zizmor, installed: false };

  const hash = requirementsHash(requirementsFile);
  const python = venvPython(venvDir);
  if (!fs.existsSync(python)) {
    const base =
      opts.python ?? findPythonForZizmor([process.env.PYTHON, "python3", "python"].filter((c): c is string => !!c));
    log(`creating virtualenv ${path.relative(PROJECT_ROOT, venvDir) || venvDir} with ${base}`);
    run(base, ["-m", "venv", venvDir], "creating zizmor's virtualenv");
  }
  fs.rmSync(path.join(venvDir, MARKER), { force: true });
  log(`installing ${path.relative(PROJECT_ROOT, requirementsFile) || requirementsFile} (zizmor, pinned by hash)`);
  run(
    python,
    [
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--quiet",
      "--require-hashes",
      "--only-binary=:all:",
      "-r",
      requirementsFile,
    ],
    "installing zizmor",
  );
  run(zizmor, ["--version"], "checking the zizmor install");
  fs.writeFileSync(path.join(venvDir, MARKER), `${hash}\n`);
  return { venvDir, zizmor, installed: true };
}

if (require.main === module) {
  try {
    const r = ensureZizmor({ log: (l) => process.stdout.write(`zizmor setup: ${l}\n`) });
    process.stdout.write(`zizmor setup: ${r.installed ? "installed" : "already up to date"} (${r.zizmor})\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof ZizmorSetupError ? 2 : 1);
  }
}
