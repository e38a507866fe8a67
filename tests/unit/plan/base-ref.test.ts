import * as assert from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planAtRef } from "../../../plan/base-ref";
import { diffRuns } from "../../../plan/diff";
import { type DiffArgs, diffReports, renderDiff } from "../../../plan/diff-command";
import type { BaseFailure } from "../../../plan/diff-report";
import { evaluatePolicies } from "../../../plan/evaluate-policies";
import { choosePolicyConfig } from "../../../plan/policy-config";
import { policyDiff } from "../../../plan/policy-diff";
import { type PlanSnapshot, snapshotFromRun } from "../../../plan/snapshot";
import { PROJECT_ROOT } from "../../../util/project-root";
import { runStack } from "../helpers";

const git = (cwd: string, ...args: string[]): string =>
  execFileSync("git", ["-c", "user.name=plan test", "-c", "user.email=plan@example.com", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();

function snapshot(r: PlanSnapshot | BaseFailure | undefined): PlanSnapshot {
  assert.ok(r && !("error" in r), r && "error" in r ? r.error : "not planned");
  return r;
}

function failure(r: PlanSnapshot | BaseFailure | undefined): string {
  assert.ok(r && "error" in r, "expected the base to fail");
  return r.error;
}

/**
 * A throwaway repository holding the working tree as its one commit (other people's commits to the
 * live repository cannot change what these tests see), then commits that break it.
 */
describe("plan/base-ref (worktree of a git ref, planned in a child process)", function () {
  this.timeout(300_000);
  let repo: string;
  let first: string;

  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), "plan-base-test-"));
    const files = git(PROJECT_ROOT, "ls-files", "-co", "--exclude-standard", "-z").split("\0").filter(Boolean);
    for (const f of files) {
      const from = path.join(PROJECT_ROOT, f);
      if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink()) continue;
      fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
      fs.copyFileSync(from, path.join(repo, f));
    }
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "working tree");
    first = git(repo, "rev-parse", "HEAD");
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(repo, "node_modules"), "dir");
  });

  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("the ref's plan of an unchanged stack has no differences from the working tree; the worktree is gone after", async () => {
    const bases = await planAtRef(first, ["dev", "nope"], { projectRoot: repo });
    const base = snapshot(bases.get("dev"));
    assert.strictEqual(base.label, first.slice(0, 7));
    const run = await runStack("dev");
    const head = snapshotFromRun(run, "working tree");
    const d = diffRuns(base, head);
    assert.deepStrictEqual(
      d.resources.map((r) => `${r.change} ${r.name}`),
      [],
    );
    assert.ok(d.unchanged > 20);
    const policy = policyDiff(await evaluatePolicies(run, choosePolicyConfig(run).config), base.violations);
    assert.deepStrictEqual([policy.added, policy.fixed], [[], []], "the base's policy results come along");
    assert.match(snapshot(bases.get("nope")).notes.join(), /no Pulumi\.nope\.yaml at .*: every resource is new/);
    assert.strictEqual(git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)?.length, 1);
  });

  it("a ref from before the compiled entry (no scripts/compiled.js) plans through the TypeScript loader, alike", async () => {
    git(repo, "rm", "-q", "scripts/compiled.js");
    git(repo, "commit", "-qm", "before the compiled entry");
    try {
      const older = snapshot((await planAtRef("HEAD", ["dev"], { projectRoot: repo })).get("dev"));
      const compiled = snapshot((await planAtRef(first, ["dev"], { projectRoot: repo })).get("dev"));
      assert.ok(compiled.resources.length > 20);
      assert.deepStrictEqual(diffRuns(compiled, older).resources, []);
    } finally {
      // The later cases build on a tree that has it.
      git(repo, "checkout", "-q", first, "--", "scripts/compiled.js");
      git(repo, "commit", "-qm", "the compiled entry back");
    }
  });

  it("--base <ref> --markdown with caseSensitive changed: the pool and its guard replaced first, with the path", async () => {
    const run = await runStack("dev", undefined, {
      "cognito-auth:pool": JSON.stringify({ name: "cognito-auth-dev", usernameConfiguration: { caseSensitive: true } }),
    });
    const args: DiffArgs = { mode: "base", ref: first, stacks: ["dev"], output: "markdown" };
    const heads = [{ stack: "dev", run, violations: await evaluatePolicies(run, choosePolicyConfig(run).config) }];
    const md = renderDiff(args, await diffReports(args, heads, { projectRoot: repo }), heads);
    const read = md.indexOf("### `dev`: read first");
    assert.ok(read > md.indexOf("| stack |") && read < md.indexOf("<details>"));
    assert.match(
      md.slice(read),
      /^### `dev`: read first\n\n- \*\*user pool replaced\*\*: `cognito-pool-user-pool` \(`usernameConfiguration\.caseSensitive`\)[^\n]*\n- \*\*replacement guard replaced\*\*: `cognito-pool-guard-sign-in-settings` \(`keepers\.caseSensitive`\)/,
    );
    assert.match(md, /\| new \| mandatory \| `cognito-user-pool-case-insensitive-usernames` \|/);
  });

  it("a stack the working tree no longer has: everything it had is deleted, the pool first", async () => {
    fs.copyFileSync(path.join(repo, "Pulumi.dev.yaml"), path.join(repo, "Pulumi.extra.yaml"));
    git(repo, "add", "Pulumi.extra.yaml");
    git(repo, "commit", "-qm", "extra stack");
    const args: DiffArgs = { mode: "base", ref: "HEAD", stacks: ["extra"], output: "json" };
    const [report] = await diffReports(args, [{ stack: "extra", violations: [] }], { projectRoot: repo });
    const changes = new Set(report.diff?.resources.map((r) => r.change));
    assert.deepStrictEqual([...changes], ["removed"]);
    assert.deepStrictEqual(
      report.callouts.slice(0, 1).map((c) => [c.subject, c.action]),
      [["user pool", "removed"]],
    );
  });

  it("a ref that is not a commit, a ref without scripts/plan.ts and a ref whose stack config is invalid fail with why", async () => {
    assert.match(
      failure((await planAtRef("no-such-ref", ["dev"], { projectRoot: repo })).get("dev")),
      /"no-such-ref" is not a commit/,
    );

    const devFile = path.join(repo, "Pulumi.dev.yaml");
    fs.writeFileSync(devFile, `${fs.readFileSync(devFile, "utf8")}  cognito-auth:tags: 5\n`);
    git(repo, "commit", "-qam", "invalid config");
    const bad = failure((await planAtRef("HEAD", ["dev"], { projectRoot: repo })).get("dev"));
    assert.match(bad, /stack dev does not plan at HEAD \([0-9a-f]{7}\) \(config error\):\n.*cognito-auth:tags/s);

    git(repo, "rm", "-q", "scripts/plan.ts");
    git(repo, "commit", "-qm", "older layout");
    assert.match(
      failure((await planAtRef("HEAD", ["dev"], { projectRoot: repo })).get("dev")),
      /has no scripts\/plan\.ts \(an older layout\)/,
    );
    assert.strictEqual(git(repo, "worktree", "list", "--porcelain").match(/^worktree /gm)?.length, 1);
  });
});
