import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkPolicy, parseCheckPolicyArgs } from "../../../plan/check-policy";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");

describe("plan/check-policy (npm run check-policy)", function () {
  this.timeout(60_000);

  it("parses the program folder, the stack, --policy-config, repeated --stack-tag and --json", () => {
    assert.deepStrictEqual(
      parseCheckPolicyArgs([
        "dir",
        "prod-eu",
        "--policy-config=p.json",
        "--stack-tag=environment=production",
        "--stack-tag=team=a=b",
        "--json",
      ]),
      {
        programDir: "dir",
        stack: "prod-eu",
        policyConfig: "p.json",
        stackTags: { environment: "production", team: "a=b" },
        json: true,
      },
    );
    assert.deepStrictEqual(parseCheckPolicyArgs(["dir", "dev"]), {
      programDir: "dir",
      stack: "dev",
      policyConfig: undefined,
      stackTags: {},
      json: false,
    });
  });
  it("refuses a missing stack, extra words and unknown options", () => {
    assert.match(String(parseCheckPolicyArgs(["dir"])), /expected a program folder and a stack, got dir/);
    assert.match(String(parseCheckPolicyArgs([])), /got nothing/);
    assert.match(String(parseCheckPolicyArgs(["a", "b", "c"])), /got a b c/);
    assert.match(String(parseCheckPolicyArgs(["a", "b", "--preview"])), /unknown option --preview/);
    assert.match(String(parseCheckPolicyArgs(["a", "b", "--stack-tag=novalue"])), /unknown option --stack-tag=novalue/);
  });
  it("exits 2 with the reason when the program cannot be run, without judging anything", async () => {
    const out = await checkPolicy({ programDir: path.join(FIXTURES, "foreign-weak-pool"), stack: "prod" });
    assert.strictEqual(out.code, 2);
    assert.match(out.stderr, /cannot be checked offline: .*no such stack file; the stacks there are: dev/);
    assert.deepStrictEqual(out.violations, []);
  });
  it("exits 2 when the program itself fails under the mocks (a config it requires is missing)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-policy-"));
    try {
      fs.cpSync(path.join(FIXTURES, "foreign-weak-pool"), dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-east-1\n");
      const out = await checkPolicy({ programDir: dir, stack: "dev" });
      assert.strictEqual(out.code, 2);
      assert.match(out.stderr, /failed under the offline mocks: .*callbackUrl/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("exits 2 on a policy config naming a rule the pack does not have", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-policy-config-"));
    try {
      const file = path.join(dir, "bad.json");
      fs.writeFileSync(file, JSON.stringify({ "cognito-no-such-rule": "mandatory" }));
      const out = await checkPolicy({
        programDir: path.join(FIXTURES, "foreign-weak-pool"),
        stack: "dev",
        policyConfig: file,
      });
      assert.strictEqual(out.code, 2);
      assert.match(out.stderr, /cognito-no-such-rule: no such policy in the pack/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("--json prints the violations as a document", async () => {
    const out = await checkPolicy({ programDir: path.join(FIXTURES, "foreign-weak-pool"), stack: "dev", json: true });
    assert.strictEqual(out.code, 1);
    const doc = JSON.parse(out.stdout) as { program: string; stack: string; violations: unknown[] };
    assert.deepStrictEqual(
      [doc.program, doc.stack, doc.violations.length],
      [path.join("tests", "fixtures", "foreign-weak-pool"), "dev", 25],
    );
  });
});
