import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { requirementsHash, venvPython } from "../../../util/python-venv";
import {
  ensureZizmor,
  findPythonForZizmor,
  ZIZMOR_REQUIREMENTS,
  ZizmorSetupError,
  zizmorBin,
  zizmorIsCurrent,
} from "../../../workflows-lint/setup";

describe("workflows-lint/setup", () => {
  let dir: string;
  let req: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zizmor-setup-"));
    req = path.join(dir, "requirements.txt");
    fs.writeFileSync(req, "zizmor==1.32.0 --hash=sha256:00\n");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A venv-shaped directory: an interpreter (optionally a script), zizmor, and optionally the marker. */
  function fakeVenv(opts: { marker?: string; python?: string; zizmor?: boolean } = {}): string {
    const venv = path.join(dir, "venv");
    fs.mkdirSync(path.dirname(venvPython(venv)), { recursive: true });
    fs.writeFileSync(venvPython(venv), opts.python ?? "", { mode: 0o755 });
    if (opts.zizmor !== false) fs.writeFileSync(zizmorBin(venv), "", { mode: 0o755 });
    if (opts.marker !== undefined) fs.writeFileSync(path.join(venv, ".requirements.sha256"), `${opts.marker}\n`);
    return venv;
  }

  it("treats a venv as current only with the requirements' hash as marker and the zizmor executable", () => {
    assert.strictEqual(zizmorIsCurrent(fakeVenv({ marker: requirementsHash(req) }), req), true);
    fs.writeFileSync(req, "zizmor==1.33.0 --hash=sha256:00\n");
    assert.strictEqual(zizmorIsCurrent(path.join(dir, "venv"), req), false, "requirements changed");
  });

  it("treats a venv without marker, interpreter or zizmor as outdated", () => {
    assert.strictEqual(zizmorIsCurrent(fakeVenv(), req), false, "no marker");
    fs.rmSync(path.join(dir, "venv"), { recursive: true });
    assert.strictEqual(zizmorIsCurrent(fakeVenv({ marker: requirementsHash(req), zizmor: false }), req), false);
    assert.strictEqual(zizmorIsCurrent(path.join(dir, "none"), req), false);
  });

  it("does nothing when the venv is current (the fast path: no interpreter, no pip)", () => {
    const venv = fakeVenv({ marker: requirementsHash(req) });
    const logs: string[] = [];
    const r = ensureZizmor({
      venvDir: venv,
      requirementsFile: req,
      python: "/nonexistent/python",
      log: (l) => logs.push(l),
    });
    assert.deepStrictEqual(
      { installed: r.installed, zizmor: r.zizmor, logs },
      { installed: false, zizmor: zizmorBin(venv), logs: [] },
    );
  });

  it("drops the marker before installing, so a failed or interrupted install is redone next time", function () {
    if (process.platform === "win32") this.skip();
    const venv = fakeVenv({ marker: "an-older-hash", python: "#!/bin/sh\necho 'pip: no network' >&2\nexit 1\n" });
    assert.throws(
      () => ensureZizmor({ venvDir: venv, requirementsFile: req }),
      (e: unknown) =>
        e instanceof ZizmorSetupError &&
        /installing zizmor's requirements failed/.test(e.message) &&
        /no network/.test(e.message),
    );
    assert.strictEqual(fs.existsSync(path.join(venv, ".requirements.sha256")), false);
    assert.strictEqual(zizmorIsCurrent(venv, req), false);
  });

  it("says what is missing: the requirements, or a usable Python", () => {
    assert.throws(
      () => ensureZizmor({ venvDir: path.join(dir, "venv"), requirementsFile: path.join(dir, "none.txt") }),
      (e: unknown) => e instanceof ZizmorSetupError && /none\.txt: zizmor's pinned requirements/.test(e.message),
    );
    assert.throws(
      () => findPythonForZizmor(["/nonexistent/python3"]),
      (e: unknown) =>
        e instanceof ZizmorSetupError &&
        /\/nonexistent\/python3: not found/.test(e.message) &&
        /python3-venv/.test(e.message),
    );
    assert.throws(
      () =>
        ensureZizmor({ venvDir: path.join(dir, "new-venv"), requirementsFile: req, python: "/nonexistent/python3" }),
      (e: unknown) => e instanceof ZizmorSetupError && /creating zizmor's virtualenv failed/.test(e.message),
    );
  });

  it("pins every requirement to one version and its hashes, the version requirements.in names", () => {
    const text = fs.readFileSync(ZIZMOR_REQUIREMENTS, "utf8");
    const reqs = text
      .replace(/\\\n/g, " ")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    assert.ok(reqs.length > 0);
    for (const r of reqs) {
      assert.match(r, /^[A-Za-z0-9._-]+==[0-9]\S*(\s+--hash=sha256:[0-9a-f]{64})+$/, r);
    }
    const input = fs.readFileSync(path.join(path.dirname(ZIZMOR_REQUIREMENTS), "requirements.in"), "utf8");
    const pinned = /^zizmor==(\S+)$/m.exec(input)?.[1];
    assert.ok(pinned, "requirements.in pins zizmor");
    assert.ok(
      reqs.some((r) => r.split(/\s+/)[0] === `zizmor==${pinned}`),
      `requirements.txt has zizmor==${pinned}`,
    );
  });
});
