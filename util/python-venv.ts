/**
 * A project-local Python virtualenv built from a pinned requirements file: what the emulator (moto)
 * and the workflow linter (zizmor) install. The venv keeps a hash of the requirements it was built
 * from, written last, so it is rebuilt only when they change and an interrupted install is redone.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

const MARKER = ".requirements.sha256";
const MIN_PYTHON: readonly [number, number] = [3, 10];

/** Makes the caller's own error for a problem the user can fix. */
export type SetupFailure = (message: string) => Error;

export function venvPython(venvDir: string): string {
  return process.platform === "win32"
    ? path.join(venvDir, "Scripts", "python.exe")
    : path.join(venvDir, "bin", "python");
}

/** A console script the venv installs (`zizmor`). */
export function venvScript(venvDir: string, name: string): string {
  return process.platform === "win32" ? path.join(venvDir, "Scripts", `${name}.exe`) : path.join(venvDir, "bin", name);
}

export function requirementsHash(
  file: string,
  what = "pinned requirements",
  fail: SetupFailure = (m) => new Error(m),
): string {
  if (!fs.existsSync(file)) throw fail(`missing ${file}: ${what}`);
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

/**
 * The first Python 3.10+ among the candidates; otherwise `none` gets what was tried
 * (`python3: not found; python: Python 3.8 is too old`) and makes the caller's error.
 */
export function findPython(candidates: string[], none: (tried: string) => Error): string {
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
  throw none(tried.join("; "));
}

/** `$PYTHON`, `python3`, `python`: where an interpreter is looked for. */
export function pythonCandidates(): string[] {
  return [process.env.PYTHON, "python3", "python"].filter((c): c is string => !!c);
}

function run(cmd: string, args: string[], what: string, fail: SetupFailure): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? "")).trim().split("\n").slice(-15).join("\n");
    const venvHint = /ensurepip|venv/.test(detail)
      ? `\nThe venv module is missing: sudo apt-get install python3-venv (Debian/Ubuntu).`
      : "";
    throw fail(`${what} failed (${cmd} ${args.join(" ")}):\n${detail}${venvHint}`);
  }
}

export interface VenvSpec {
  venvDir: string;
  requirementsFile: string;
  /** Who the venv is for, in messages: "the emulator's", "zizmor's". */
  owner: string;
  /** The base interpreter; found among pythonCandidates() when the venv must be created. */
  python: () => string;
  /** pip flags before `-r <file>`. @default none */
  pipFlags?: string[];
  /** A file the install must have produced, for the venv to count as current (zizmor's script). */
  produces?: string;
  /** A command that proves the install works. */
  check: { cmd: string; args: string[] };
  /** The progress line before pip runs. */
  installing: string;
  log: (line: string) => void;
  fail: SetupFailure;
}

/** True when the venv matches the requirements and has what the install produces. */
export function venvReady(spec: Pick<VenvSpec, "venvDir" | "requirementsFile" | "produces">): boolean {
  return (
    venvIsCurrent(spec.venvDir, spec.requirementsFile) && (spec.produces === undefined || fs.existsSync(spec.produces))
  );
}

/** Creates or refreshes the venv; a no-op (and no interpreter started) when it is ready. Returns whether it installed. */
export function ensureVenv(spec: VenvSpec): boolean {
  const hash = requirementsHash(spec.requirementsFile, `${spec.owner} pinned requirements`, spec.fail);
  if (venvReady(spec)) return false;
  const python = venvPython(spec.venvDir);
  if (!fs.existsSync(python)) {
    const base = spec.python();
    spec.log(`creating virtualenv ${path.relative(PROJECT_ROOT, spec.venvDir) || spec.venvDir} with ${base}`);
    run(base, ["-m", "venv", spec.venvDir], `creating ${spec.owner} virtualenv`, spec.fail);
  }
  fs.rmSync(path.join(spec.venvDir, MARKER), { force: true });
  spec.log(spec.installing);
  run(
    python,
    [
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--quiet",
      ...(spec.pipFlags ?? []),
      "-r",
      spec.requirementsFile,
    ],
    `installing ${spec.owner} requirements`,
    spec.fail,
  );
  run(spec.check.cmd, spec.check.args, `checking ${spec.owner} install`, spec.fail);
  fs.writeFileSync(path.join(spec.venvDir, MARKER), `${hash}\n`);
  return true;
}
