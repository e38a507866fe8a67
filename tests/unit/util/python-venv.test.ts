import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureVenv, findPython, requirementsHash, venvPython, venvReady, venvScript } from "../../../util/python-venv";

describe("util/python-venv", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "python-venv-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("says what it tried when no Python 3.10+ is found, through the caller's error", () => {
    assert.throws(
      () => findPython(["/nonexistent/python3"], (tried) => new RangeError(`none: ${tried}`)),
      (e: unknown) => e instanceof RangeError && e.message === "none: /nonexistent/python3: not found",
    );
  });

  it("counts a venv ready only with the requirements' hash and what the install produces", () => {
    const req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "x==1\n");
    const venv = path.join(dir, "venv");
    fs.mkdirSync(path.dirname(venvPython(venv)), { recursive: true });
    fs.writeFileSync(venvPython(venv), "");
    fs.writeFileSync(path.join(venv, ".requirements.sha256"), `${requirementsHash(req)}\n`);
    const tool = venvScript(venv, "tool");
    assert.strictEqual(venvReady({ venvDir: venv, requirementsFile: req }), true);
    assert.strictEqual(venvReady({ venvDir: venv, requirementsFile: req, produces: tool }), false);
    fs.writeFileSync(tool, "");
    assert.strictEqual(
      ensureVenv({
        venvDir: venv,
        requirementsFile: req,
        owner: "the test's",
        python: () => assert.fail("a ready venv starts no interpreter"),
        produces: tool,
        check: { cmd: "/nonexistent", args: [] },
        installing: "installing",
        log: () => assert.fail("a ready venv logs nothing"),
        fail: (m) => new Error(m),
      }),
      false,
    );
  });

  it("refuses missing requirements with the caller's error", () => {
    assert.throws(
      () => requirementsHash(path.join(dir, "none.txt"), "the test's pinned requirements", (m) => new RangeError(m)),
      (e: unknown) => e instanceof RangeError && /none\.txt: the test's pinned requirements/.test(e.message),
    );
  });
});
