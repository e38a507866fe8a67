import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { PLAN_ARGS } from "../../../util/plan-command";

const ROOT = path.resolve(__dirname, "../../..");

interface PlanResource {
  type: string;
  name: string;
  parent: string | null;
  inputs: Record<string, unknown>;
  protect: boolean;
}
interface PlanDocument {
  stack: string;
  resources: PlanResource[];
  outputs: Record<string, unknown>;
}

function plan(
  args: string[],
  stackDir?: string,
  env: Record<string, string | undefined> = process.env,
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...PLAN_ARGS, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, ...(stackDir ? { STACK_DIR: stackDir } : {}) },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/plan (npm run plan)", function () {
  this.timeout(180_000);

  it("--json reaches a slow reader whole: the exit waits until the pipe has taken it (was cut at 64 KiB)", () => {
    // The reader starts only after the program has finished, so the pipe is full when it asks to exit.
    const cmd = [process.execPath, ...PLAN_ARGS, "prod", "--json"].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("bash", ["-c", `set -o pipefail; ${cmd} 2>/dev/null | (sleep 3; cat)`], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(
      r.stdout.length > 65_536,
      `only ${r.stdout.length} bytes arrived: the output was cut, or no longer fills a 64 KiB pipe`,
    );
    assert.strictEqual((JSON.parse(r.stdout) as PlanDocument).stack, "prod");
  });

  it("prod --json: a protected MFA-ON pool with deletion protection, a risk configuration and no SMS role", () => {
    const r = plan(["prod", "--json"]);
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as PlanDocument;
    assert.strictEqual(doc.stack, "prod");
    const pool = doc.resources.find((x) => x.type === "aws:cognito/userPool:UserPool");
    assert.ok(pool);
    assert.strictEqual(pool.inputs.mfaConfiguration, "ON");
    assert.strictEqual(pool.inputs.deletionProtection, "ACTIVE");
    assert.strictEqual(pool.protect, true);
    assert.ok(doc.resources.some((x) => x.type === "aws:cognito/riskConfiguration:RiskConfiguration"));
    const role = doc.resources.find((x) => x.type === "aws:iam/role:Role" && x.name.endsWith("-sms-role"));
    assert.strictEqual(role, undefined, "SMS is opt-in");
    assert.strictEqual(pool.inputs.smsConfiguration, undefined);
  });

  it("plans prod with a custom authentication flow with no mandatory violation, custom-auth sign-ins under threat protection", () => {
    const r = plan(["custom-auth", "--json"], "tests/fixtures/custom-auth");
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, / 0 mandatory,/);
    const doc = JSON.parse(r.stdout) as PlanDocument;
    const pool = doc.resources.find((x) => x.type === "aws:cognito/userPool:UserPool");
    assert.deepStrictEqual(pool?.inputs.userPoolAddOns, {
      advancedSecurityMode: "ENFORCED",
      advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },
    });
  });

  it("takes the region from AWS_REGION without aws:region, and exits 2 naming aws:region with neither", () => {
    const { AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...bare } = process.env;
    const none = plan(["no-region"], "tests/fixtures/no-region", bare);
    assert.strictEqual(none.code, 2, none.stderr);
    assert.match(none.stderr, /- aws:region: no AWS region/);
    assert.doesNotMatch(none.stderr, /\n\s+at /, "no stack trace");
    const env = plan(["no-region", "--json"], "tests/fixtures/no-region", { ...bare, AWS_REGION: "eu-west-1" });
    assert.strictEqual(env.code, 0, env.stderr);
    const doc = JSON.parse(env.stdout) as PlanDocument;
    assert.match(String(doc.outputs.issuer), /^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\/eu-west-1_/);
  });

  it("a stack with messaging.sms.enabled: true has the SMS role, with an external ID", () => {
    const r = plan(["sms", "--json"], "tests/fixtures/sms");
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as PlanDocument;
    const role = doc.resources.find((x) => x.type === "aws:iam/role:Role" && x.name.endsWith("-sms-role"));
    assert.ok(role);
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy)) as {
      Statement: Array<{ Condition: { StringEquals: Record<string, string> } }>;
    };
    assert.match(trust.Statement[0].Condition.StringEquals["sts:ExternalId"], /^[0-9a-f-]{36}$/);
  });

  it("a replicated prod stack plans the key, its replica, the key configuration, the replica and its regional configuration", () => {
    const r = plan(["replicated", "--json"], "tests/fixtures/replicated");
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as PlanDocument;
    const types = doc.resources.map((x) => x.type);
    for (const t of [
      "aws:kms/key:Key",
      "aws:kms/replicaKey:ReplicaKey",
      "pulumi-nodejs:dynamic/cognito:UserPoolKeyConfiguration",
      "aws-native:cognito:UserPoolReplica",
      "aws-native:cognito:UserPoolRegionalConfigurationAttachment",
    ])
      assert.strictEqual(types.filter((x) => x === t).length, 1, t);
  });

  it("refuses a LITE pool with replication (exit 2), naming the tier and the stack file", () => {
    const r = plan(["replicated-lite"], "tests/fixtures/replicated");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /Pulumi\.replicated-lite\.yaml/);
    assert.match(r.stderr, /replication.*ESSENTIALS or PLUS; this pool is LITE/s);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it("exits 2 without a trace for a stack file that does not exist, naming the stacks that do", () => {
    const r = plan(["prdo"]);
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /- Pulumi\.prdo\.yaml: no such stack file .*the stacks here are: dev, prod/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it("reports a refused prod config and what the policy pack would also refuse in one run", () => {
    const r = plan(["prod-refused"], "tests/fixtures/prod-weakened");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.match(r.stderr, /cognito-auth:pool\.deletionProtection = "INACTIVE"/);
    assert.match(r.stderr, /The policy pack \(policy\/config\/prod\.json\) would also refuse \d+ settings?/);
    assert.match(r.stderr, /\[mandatory\] cognito-identity-pool-no-guest-access /);
  });

  it("prints a human table by default", () => {
    const r = plan(["dev"]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Stack dev: \d+ resources in \d+ components/m);
    assert.match(r.stdout, /cognito:UserPool\s+cognito-pool-user-pool\s+.*mfaConfiguration=OPTIONAL/, r.stderr);
  });

  it("exits 2 with one error naming every mistake in a stack file", () => {
    const r = plan(["broken"], "tests/fixtures/broken");
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, "");
    for (const expected of [
      'cognito-auth:pol = {}: unknown key; did you mean "pool"?',
      'cognito-auth:pool.mfaConfiguraton = "ON": unknown key; did you mean "mfaConfiguration"?',
      "cognito-auth:pool.passwordPolicy.minimumLength = 4: must be between 6 and 99",
      "cognito-auth:pool.passwordPolicy.temporaryPasswordValidityDays = 400: must be between 0 and 365 days",
      'cognito-auth:pool.smsAuthenticationMessage = "no code here": must contain {####}',
      'cognito-auth:pool.deletionProtection = "INACTIVE": production pools must have deletion protection ACTIVE',
      'cognito-auth:messaging.email.fromEmailAddress = "not-an-address": must be an email address',
    ])
      assert.ok(r.stderr.includes(expected), `missing "${expected}" in:\n${r.stderr}`);
    assert.match(r.stderr, /\[Pulumi\.broken\.yaml\]/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });

  it("plans a new stack file with no code change", () => {
    const r = plan(["staging", "--json"], "tests/fixtures/staging");
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as PlanDocument;
    const pool = doc.resources.find((x) => x.type === "aws:cognito/userPool:UserPool");
    assert.strictEqual(pool?.inputs.name, "cognito-auth-staging");
    assert.strictEqual(pool?.inputs.mfaConfiguration, "ON", "an unknown stack name gets the strict preset");
  });
});

describe("scripts/plan usage", function () {
  this.timeout(60_000);
  it("refuses an unknown option or a second stack with exit 2 and the usage line", () => {
    for (const args of [["dev", "--jsn"], ["dev", "prod"], []]) {
      const r = plan(args);
      assert.strictEqual(r.code, 2, args.join(" "));
      assert.match(r.stderr, /usage: npm run plan -- <stack> \[--json\] \[--policy-config=<file>\]/);
    }
  });
});
