/**
 * Installs the local Cognito emulator (moto's server, pinned in emulator/requirements.txt) into a
 * project-local virtualenv, `.venv-moto/`. Idempotent: the venv keeps a hash of the requirements
 * it was built from and is only (re)installed when that hash is missing or different.
 *
 * `npm run emulator:setup` runs it on its own; `npm run local` and `npm run test:integration` call
 * `ensureEmulator()` first.
 */

import * as path from "node:path";
import { PROJECT_ROOT } from "../util/project-root";
import {
  ensureVenv,
  findPython as findPythonAmong,
  requirementsHash as hashOf,
  pythonCandidates,
  venvPython,
} from "../util/python-venv";

export { parsePythonVersion, pythonIsRecentEnough, venvIsCurrent, venvPython } from "../util/python-venv";

export const REQUIREMENTS_FILE = path.join(PROJECT_ROOT, "emulator", "requirements.txt");
export const VENV_DIR = path.join(PROJECT_ROOT, ".venv-moto");

/** A problem the user can fix; its message says how. */
export class EmulatorSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmulatorSetupError";
  }
}
const fail = (m: string): Error => new EmulatorSetupError(m);

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

export function requirementsHash(file: string): string {
  return hashOf(file, "the emulator's pinned requirements", fail);
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
  return findPythonAmong(candidates, (tried) =>
    fail(`The local Cognito emulator (moto) needs Python 3.10+ and none was found (${tried}).\n${INSTALL_HINT}`),
  );
}

/** Creates or refreshes the emulator's virtualenv; a no-op when it already matches the requirements. */
export function ensureEmulator(opts: SetupOptions = {}): SetupResult {
  const venvDir = opts.venvDir ?? VENV_DIR;
  const requirementsFile = opts.requirementsFile ?? REQUIREMENTS_FILE;
  const python = venvPython(venvDir);
  const installed = ensureVenv({
    venvDir,
    requirementsFile,
    owner: "the emulator's",
    python: () => opts.python ?? findPython(pythonCandidates()),
    check: { cmd: python, args: ["-c", "import moto.server"] },
    installing: `installing ${path.relative(PROJECT_ROOT, requirementsFile)} (moto server, pinned); this takes about a minute the first time`,
    log: opts.log ?? (() => undefined),
    fail,
  });
  return { venvDir, python, installed };
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
