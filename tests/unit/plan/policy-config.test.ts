import * as assert from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RunResult } from "../../../offline/runner";
import { PolicyConfigError, type Violation } from "../../../plan/evaluate-policies";
import { choosePolicyConfig, formatViolations } from "../../../plan/policy-config";
import { PLAN_ARGS } from "../../../util/plan-command";

const ROOT = path.join(__dirname, "..", "..", "..");
const run = (stack: string, environment?: string): RunResult => ({
  stack,
  resources: [],
  outputs: environment ? { environment } : {},
  secretOutputPaths: [],
  createdLate: [],
});

interface Plan {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run plan -- <args>` in a child process (the runner holds one program per process). */
function plan(args: string[], env: Record<string, string> = {}): Promise<Plan> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...PLAN_ARGS, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === "number" ? err.code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("plan/policy-config", () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe("choosePolicyConfig", () => {
    it("uses the stack's own file first", () => {
      const c = choosePolicyConfig(run("prod", "dev"));
      assert.strictEqual(c.file, path.join("policy", "config", "prod.json"));
      assert.strictEqual(c.reason, "stack prod");
    });
    it("falls back to the file of the stack's environment preset", () => {
      const c = choosePolicyConfig(run("staging", "prod"));
      assert.strictEqual(c.file, path.join("policy", "config", "prod.json"));
      assert.strictEqual(c.reason, "environment prod");
    });
    it("falls back to the pack defaults, and says so", () => {
      const c = choosePolicyConfig(run("sandbox"));
      assert.strictEqual(c.file, undefined);
      assert.deepStrictEqual(c.config, {});
      assert.match(c.reason, /no policy\/config\/sandbox.json/);
    });
    it("takes an explicit file over all of them, and refuses one that is not a JSON object", () => {
      const good = path.join(tmp, "good.json");
      fs.writeFileSync(good, JSON.stringify({ all: "advisory" }));
      assert.deepStrictEqual(choosePolicyConfig(run("prod"), good).config, { all: "advisory" });
      const bad = path.join(tmp, "bad.json");
      fs.writeFileSync(bad, "[1, 2]");
      assert.throws(() => choosePolicyConfig(run("prod"), bad), PolicyConfigError);
      fs.writeFileSync(bad, "{ nope");
      assert.throws(() => choosePolicyConfig(run("prod"), bad), PolicyConfigError);
    });
  });

  it("formats mandatory violations first, with level, policy, severity and resource", () => {
    const vs: Violation[] = [
      { policy: "a", level: "advisory", severity: "low", resource: null, message: "stack-wide" },
      {
        policy: "b",
        level: "mandatory",
        severity: "high",
        resource: "urn:pulumi:prod::cognito-auth::aws:cognito/userPool:UserPool::pool",
        message: "bad",
      },
    ];
    const text = formatViolations({ file: "policy/config/prod.json", config: {}, reason: "stack prod" }, vs);
    assert.deepStrictEqual(text.split("\n"), [
      "Policy pack cognito-auth-policy with policy/config/prod.json (stack prod): 1 mandatory, 1 advisory violation",
      "  [mandatory] b (high) UserPool pool: bad",
      "  [advisory] a (low) (stack): stack-wide",
    ]);
  });

  describe("npm run plan", function () {
    this.timeout(120000);
    const FIXTURE = path.join("tests", "fixtures", "prod-weakened");
    let prod: Plan;
    let prodJson: Plan;
    let weakened: Plan;
    let badConfig: Plan;
    before(async () => {
      const bad = path.join(tmp, "typo.json");
      fs.writeFileSync(bad, JSON.stringify({ "cognito-user-pool-password-policy": { minimumLenght: 12 } }));
      [prod, prodJson, weakened, badConfig] = await Promise.all([
        plan(["prod"]),
        plan(["prod", "--json"]),
        plan(["prod-weakened"], { STACK_DIR: FIXTURE }),
        plan(["prod", `--policy-config=${bad}`]),
      ]);
    });

    it("exits 0 for prod and prints the policy summary after the table", () => {
      assert.strictEqual(prod.code, 0, prod.stderr);
      assert.match(
        prod.stdout,
        /Policy pack cognito-auth-policy with policy\/config\/prod.json \(stack prod\): 0 mandatory/,
      );
      assert.ok(prod.stdout.indexOf("Policy pack") > prod.stdout.indexOf("cognito:UserPool"));
    });
    it("adds violations to the --json document and keeps stdout pure JSON", () => {
      assert.strictEqual(prodJson.code, 0, prodJson.stderr);
      const docu = JSON.parse(prodJson.stdout) as { violations: Array<Record<string, unknown>> };
      assert.ok(docu.violations.length > 0);
      for (const v of docu.violations)
        assert.deepStrictEqual(Object.keys(v), ["policy", "level", "severity", "resource", "message"]);
      assert.match(prodJson.stderr, /Policy pack cognito-auth-policy/);
    });
    it("exits 1 for the weakened prod copy and names every weakened setting", () => {
      assert.strictEqual(weakened.code, 1, weakened.stderr);
      assert.match(weakened.stdout, /\(environment prod\)/);
      for (const policy of [
        "cognito-user-pool-mfa-required",
        "cognito-user-pool-password-policy",
        "cognito-user-pool-temporary-password-validity",
        "cognito-user-pool-threat-protection",
        "cognito-user-pool-case-insensitive-usernames",
        "cognito-client-prevent-user-existence-errors",
        "cognito-client-token-lifetimes",
      ])
        assert.match(weakened.stdout, new RegExp(`\\[mandatory\\] ${policy} `), policy);
    });
    it("exits 2 for a policy config with a typo, naming it", () => {
      assert.strictEqual(badConfig.code, 2);
      assert.match(badConfig.stderr, /minimumLenght: no such setting/);
    });
  });
});
