import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { TS_LOADER_ARGS } from "../../../util/ts-loader";

const ROOT = path.resolve(__dirname, "../../..");

function checkPolicy(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...TS_LOADER_ARGS, "scripts/check-policy.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/check-policy (npm run check-policy)", function () {
  this.timeout(180_000);

  it("exits 1 on the weak foreign pool, naming each weakness", () => {
    const r = checkPolicy(["tests/fixtures/foreign-weak-pool", "dev"]);
    assert.strictEqual(r.code, 1, r.stderr);
    for (const rule of [
      "cognito-user-pool-mfa-not-off",
      "cognito-user-pool-password-policy",
      "cognito-user-pool-temporary-password-validity",
      "cognito-client-no-implicit-flow",
      "cognito-client-https-redirects",
      "cognito-client-prevent-user-existence-errors",
      "cognito-client-token-revocation",
    ])
      assert.match(r.stdout, new RegExp(`\\[mandatory\\] ${rule} `), rule);
  });
  it("exits 0 on the cross-stack program under the prod config", () => {
    const r = checkPolicy(["tests/fixtures/foreign-shared-sms", "prod", "--policy-config=policy/config/prod.json"]);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /0 mandatory, 1 advisory violation\b/);
  });
  it("exits 2 with the usage on bad arguments", () => {
    const r = checkPolicy(["tests/fixtures/foreign-weak-pool"]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /usage: npm run check-policy -- <program-dir> <stack>/);
  });
});
