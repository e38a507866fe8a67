/**
 * Installs zizmor (the GitHub Actions security linter, pinned by hash in
 * workflows-lint/requirements.txt) into a project-local virtualenv, `workflows-lint/.venv-zizmor/`,
 * the way emulator/setup.ts installs moto (both through util/python-venv.ts): from the project's own files, only wheels (zizmor ships
 * its binary inside them, nothing is downloaded or built besides), and only when the requirements
 * changed since the venv was built (a hash of them is written last, so an interrupted install is
 * redone next time).
 *
 * The workflow tests (tests/unit/workflows-lint/) and `npm run lint:workflows` call
 * `ensureZizmor()` first; `ts-node workflows-lint/setup.ts` runs it on its own.
 */

import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";
import { ensureVenv, findPython, pythonCandidates, venvReady, venvScript } from "../util/python-venv";

export const ZIZMOR_REQUIREMENTS = path.join(PROJECT_ROOT, "workflows-lint", "requirements.txt");
export const ZIZMOR_VENV = path.join(PROJECT_ROOT, "workflows-lint", ".venv-zizmor");

/** A problem the user can fix; its message says how. */
export class ZizmorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZizmorSetupError";
  }
}
const fail = (m: string): Error => new ZizmorSetupError(m);

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
  return venvScript(venvDir, "zizmor");
}

/** The first interpreter among the candidates that is Python 3.10+, or an error saying what to install. */
export function findPythonForZizmor(candidates: string[]): string {
  return findPython(candidates, (tried) =>
    fail(
      `The workflow linter zizmor is installed with pip and needs Python 3.10+ with its venv module; none was found (${tried}).\n` +
        "Install it (Debian/Ubuntu: sudo apt-get install python3 python3-venv) or point PYTHON at one.",
    ),
  );
}

/** True when the venv was built from exactly these requirements and has the zizmor executable. */
export function zizmorIsCurrent(venvDir: string, requirementsFile: string): boolean {
  return venvReady({ venvDir, requirementsFile, produces: zizmorBin(venvDir) });
}

/** Creates or refreshes zizmor's virtualenv; a no-op when it already matches the requirements. */
export function ensureZizmor(opts: ZizmorSetupOptions = {}): ZizmorSetupResult {
  const venvDir = opts.venvDir ?? ZIZMOR_VENV;
  const requirementsFile = opts.requirementsFile ?? ZIZMOR_REQUIREMENTS;
  const zizmor = zizmorBin(venvDir);
  const installed = ensureVenv({
    venvDir,
    requirementsFile,
    owner: "zizmor's",
    python: () => opts.python ?? findPythonForZizmor(pythonCandidates()),
    // Wheels only: zizmor's binary ships inside them, so nothing is built or downloaded besides.
    pipFlags: ["--require-hashes", "--only-binary=:all:"],
    produces: zizmor,
    check: { cmd: zizmor, args: ["--version"] },
    installing: `installing ${path.relative(PROJECT_ROOT, requirementsFile) || requirementsFile} (zizmor, pinned by hash)`,
    log: opts.log ?? (() => undefined),
    fail,
  });
  return { venvDir, zizmor, installed };
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
