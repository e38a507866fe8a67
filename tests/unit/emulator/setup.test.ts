import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  EmulatorSetupError,
  ensureEmulator,
  findPython,
  parsePythonVersion,
  pythonIsRecentEnough,
  requirementsHash,
  venvIsCurrent,
  venvPython,
} from "../../../emulator/setup";

describe("emulator/setup", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-setup-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A venv-shaped directory (interpreter present) optionally with its marker. */
  function fakeVenv(marker?: string): string {
    const venv = path.join(dir, "venv");
    fs.mkdirSync(path.dirname(venvPython(venv)), { recursive: true });
    fs.writeFileSync(venvPython(venv), "");
    if (marker !== undefined) fs.writeFileSync(path.join(venv, ".requirements.sha256"), `${marker}\n`);
    return venv;
  }

  it("treats a venv as current only when its marker matches the requirements' hash", () => {
    const req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "moto[server]==5.2.5\n");
    assert.strictEqual(venvIsCurrent(fakeVenv(requirementsHash(req)), req), true);
    fs.writeFileSync(req, "moto[server]==5.2.6\n");
    assert.strictEqual(venvIsCurrent(path.join(dir, "venv"), req), false, "requirements changed");
  });

  it("treats a venv without marker or interpreter as outdated", () => {
    const req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "x==1\n");
    assert.strictEqual(venvIsCurrent(fakeVenv(), req), false);
    assert.strictEqual(venvIsCurrent(path.join(dir, "none"), req), false);
  });

  it("does nothing when the venv is current", () => {
    const req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "x==1\n");
    const venv = fakeVenv(requirementsHash(req));
    const logs: string[] = [];
    const r = ensureEmulator({
      venvDir: venv,
      requirementsFile: req,
      python: "/nonexistent/python",
      log: (l) => logs.push(l),
    });
    assert.deepStrictEqual({ installed: r.installed, logs }, { installed: false, logs: [] });
  });

  it("parses Python versions and requires 3.10+", () => {
    assert.deepStrictEqual(parsePythonVersion("3.11\n"), [3, 11]);
    assert.strictEqual(parsePythonVersion("command not found"), undefined);
    assert.strictEqual(pythonIsRecentEnough([3, 10]), true);
    assert.strictEqual(pythonIsRecentEnough([3, 9]), false);
    assert.strictEqual(pythonIsRecentEnough([4, 0]), true);
  });

  it("says what to install when no Python is found", () => {
    assert.throws(
      () => findPython(["no-such-python-3", "no-such-python"]),
      (e: unknown) =>
        e instanceof EmulatorSetupError &&
        /needs Python 3\.10\+/.test(e.message) &&
        /no-such-python-3: not found/.test(e.message) &&
        /apt-get install python3 python3-venv/.test(e.message) &&
        /PYTHON=/.test(e.message),
    );
  });

  it("fails with that message, not a stack trace, when the venv must be created and Python is missing", () => {
    const req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "x==1\n");
    const saved = process.env.PYTHON;
    const savedPath = process.env.PATH;
    process.env.PATH = dir;
    delete process.env.PYTHON;
    try {
      assert.throws(
        () => ensureEmulator({ venvDir: path.join(dir, "venv"), requirementsFile: req }),
        EmulatorSetupError,
      );
    } finally {
      process.env.PATH = savedPath;
      if (saved !== undefined) process.env.PYTHON = saved;
    }
  });
});
