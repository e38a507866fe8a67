import * as assert from "node:assert";
import { planCommand } from "../../../plan/cli";
import { isDiffInvocation, parseDiffArgs } from "../../../plan/diff-command";

/** Runs the command with stdout and stderr captured. */
async function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [out, err] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  let [stdout, stderr] = ["", ""];
  process.stdout.write = (chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  };
  process.stderr.write = (chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  };
  try {
    return { code: await planCommand(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

interface DocResource {
  type: string;
  name: string;
  change: string;
  paths: { path: string; before?: unknown; after?: unknown; secret: boolean }[];
}

describe("plan/diff-command", function () {
  this.timeout(120_000);

  it("reads --base <ref>, --base=<ref>, --diff <a> <b> and the outputs; refuses the rest with a reason", () => {
    assert.deepStrictEqual(parseDiffArgs(["dev", "--base", "origin/main", "--markdown"]), {
      mode: "base",
      ref: "origin/main",
      stacks: ["dev"],
      output: "markdown",
      policyConfig: undefined,
    });
    assert.deepStrictEqual(parseDiffArgs(["dev", "prod", "--base=HEAD~1", "--json"]), {
      mode: "base",
      ref: "HEAD~1",
      stacks: ["dev", "prod"],
      output: "json",
      policyConfig: undefined,
    });
    assert.deepStrictEqual(parseDiffArgs(["--diff", "dev", "prod"]), {
      mode: "stacks",
      stacks: ["dev", "prod"],
      output: "table",
      policyConfig: undefined,
    });
    const errors: [string[], RegExp][] = [
      [["dev", "--base"], /--base needs a git ref/],
      [["dev", "--markdown"], /--markdown needs --base/],
      [["--diff", "dev"], /--diff needs two stacks, got 1/],
      [["--diff", "dev", "prod", "--base", "HEAD"], /one of them/],
      [["dev", "--base", "HEAD", "--json", "--markdown"], /not both/],
      [["dev", "--base", "HEAD", "--bogus"], /unknown option --bogus/],
    ];
    for (const [args, why] of errors) {
      const r = parseDiffArgs(args);
      assert.ok("error" in r && why.test(r.error), `${args.join(" ")}: ${JSON.stringify(r)}`);
    }
    assert.ok(isDiffInvocation(["dev", "--base=x"]) && !isDiffInvocation(["dev", "--json"]));
  });

  it("npm run plan -- --diff dev prod --json lists their differences", async () => {
    const r = await capture(["--diff", "dev", "prod", "--json"]);
    assert.strictEqual(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { reports: { stack: string; resources: DocResource[]; callouts: unknown[] }[] };
    const [report] = doc.reports;
    assert.strictEqual(report.stack, "dev → prod");
    const by = (type: string) => report.resources.filter((x) => x.type === type);
    assert.strictEqual(by("aws:cognito/identityPool:IdentityPool")[0].change, "removed", "only in dev");
    assert.strictEqual(by("aws:cognito/riskConfiguration:RiskConfiguration")[0].change, "added", "only in prod");
    const pool = by("aws:cognito/userPool:UserPool")[0];
    assert.ok(pool.paths.some((p) => p.path === "mfaConfiguration" && p.before === "OPTIONAL" && p.after === "ON"));
    assert.ok(pool.paths.some((p) => p.path === "name" && p.after === "cognito-auth-prod"));
    assert.ok(!report.resources.some((x) => x.change === "replaced"), "two stacks replace nothing");
    assert.deepStrictEqual(report.callouts, []);
    assert.match(r.stderr, /dev → prod: \d+ resources differ/);
  });

  it("a usage error exits 2 with the usage", async () => {
    const r = await capture(["dev", "--markdown"]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--markdown needs --base[\s\S]*usage: npm run plan -- <stack>\.\.\. --base <git-ref>/);
  });
});
