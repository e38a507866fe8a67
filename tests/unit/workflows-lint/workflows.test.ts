/**
 * What the workflows in .github/workflows promise beyond what the linters check: actions pinned
 * alike everywhere, every committed stack previewed, deployed and checked for drift with its own
 * policy config, the fork-safe split of the pull-request diff and its comment, and the order of a
 * deployment.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../../util/project-root";
import { WORKFLOWS_DIR } from "../../../workflows-lint/lint";

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Job = {
  name?: string;
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  strategy?: { matrix: { stack?: string[]; include?: Record<string, string>[] } };
  env?: Record<string, string>;
  steps: Step[];
};
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
};

function text(file: string): string {
  return fs.readFileSync(path.join(WORKFLOWS_DIR, file), "utf8");
}
function load(file: string): Workflow {
  return parse(text(file)) as Workflow;
}
const FILES = fs.readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith(".yml"));
/** `${{ e }}`, as the workflow file spells an expression. */
const expr = (e: string): string => `${"$"}{{ ${e} }}`;
const usesOf = (s: Step): string => (s.uses ?? "").split("@")[0];
const pulumiSteps = (j: Job): Step[] => j.steps.filter((s) => usesOf(s) === "pulumi/actions");

/** Committed stacks and the policy config each one's environment uses (README "Policy pack"). */
const STACKS: Record<string, string> = Object.fromEntries(
  fs
    .readdirSync(PROJECT_ROOT)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => !!s)
    .map((stack) => {
      const config = parse(fs.readFileSync(path.join(PROJECT_ROOT, `Pulumi.${stack}.yaml`), "utf8"))?.config ?? {};
      const env = config["cognito-auth:environment"] ?? (stack === "dev" ? "dev" : "prod");
      return [stack, `policy/config/${env}.json`];
    }),
);

describe(".github/workflows", () => {
  it("pins every action by commit SHA with its tag as a comment, the same pin in every file", () => {
    const pins = new Map<string, string>();
    for (const file of FILES) {
      for (const line of text(file)
        .split("\n")
        .filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
        const m = /uses:\s+([\w.-]+\/[\w./-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
        assert.ok(m, `${file}: not pinned as <action>@<sha> # vX.Y.Z: ${line.trim()}`);
        const pin = `${m[2]} ${m[3]}`;
        assert.strictEqual(pins.get(m[1]) ?? pin, pin, `${file}: ${m[1]} pinned differently elsewhere`);
        pins.set(m[1], pin);
      }
    }
    assert.ok(pins.size >= 8, [...pins.keys()].join(", "));
  });

  it("grants nothing by default and sets each job's permissions; no stored AWS keys anywhere", () => {
    for (const file of FILES) {
      const w = load(file);
      assert.deepStrictEqual(w.permissions, {}, `${file}: top-level permissions: {}`);
      for (const [id, job] of Object.entries(w.jobs))
        assert.ok(job.permissions, `${file}: job ${id} has no permissions`);
      assert.doesNotMatch(text(file), /aws-access-key-id|aws-secret-access-key|secrets\.AWS_/, file);
    }
  });

  it("installs the Pulumi CLI of the SDK's version wherever it runs Pulumi", () => {
    const sdk = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).dependencies[
      "@pulumi/pulumi"
    ];
    for (const file of FILES) {
      const w = load(file);
      const pulumi = Object.values(w.jobs).flatMap(pulumiSteps);
      if (pulumi.length === 0) continue;
      assert.strictEqual(w.env?.PULUMI_VERSION, sdk, `${file}: PULUMI_VERSION`);
      for (const s of pulumi) assert.strictEqual(s.with?.["pulumi-version"], expr("env.PULUMI_VERSION"), file);
    }
  });

  describe("pull-request.yml and pull-request-comment.yml", () => {
    const pr = load("pull-request.yml");
    const comment = load("pull-request-comment.yml");

    it("runs on pull_request (not pull_request_target) with no secrets: npm ci, npm test", () => {
      assert.deepStrictEqual(Object.keys(pr.on), ["pull_request"]);
      assert.doesNotMatch(text("pull-request.yml"), /secrets\./);
      const runs = pr.jobs.test.steps.map((s) => s.run).filter(Boolean);
      assert.deepStrictEqual(runs, ["npm ci --no-audit --no-fund", "npm test"]);
      for (const job of Object.values(pr.jobs)) assert.deepStrictEqual(job.permissions, { contents: "read" });
    });

    it("diffs every stack against the base with full history and uploads it for the comment workflow", () => {
      const diff = pr.jobs.diff;
      const checkout = diff.steps.find((s) => usesOf(s) === "actions/checkout");
      assert.strictEqual(checkout?.with?.["fetch-depth"], 0);
      const script = diff.steps.find((s) => s.run?.includes("npm run -s plan"));
      assert.match(
        script?.run ?? "",
        /npm run -s plan -- "\$\{stacks\[@\]\}" --base "\$BASE_SHA" --markdown > plan-diff\/comment\.md/,
      );
      assert.match(text("pull-request.yml"), /BASE_SHA: \$\{\{ github\.event\.pull_request\.base\.sha \}\}/);
      const upload = diff.steps.find((s) => usesOf(s) === "actions/upload-artifact");
      const download = comment.jobs.comment.steps.find((s) => usesOf(s) === "actions/download-artifact");
      assert.strictEqual(upload?.with?.name, "plan-diff");
      assert.strictEqual(download?.with?.name, "plan-diff");
      assert.strictEqual(download?.with?.["run-id"], expr("github.event.workflow_run.id"));
    });

    it("posts from workflow_run of pull-request, never checking out or running pull-request code", () => {
      assert.deepStrictEqual(comment.on, { workflow_run: { workflows: [pr.name], types: ["completed"] } });
      const job = comment.jobs.comment;
      assert.deepStrictEqual(job.permissions, { actions: "read", "pull-requests": "write" });
      assert.deepStrictEqual(
        [...new Set(job.steps.map(usesOf))].sort(),
        ["actions/download-artifact", "actions/github-script"],
        "no checkout, no run steps",
      );
      const script = job.steps.map((s) => String(s.with?.script ?? "")).join("\n");
      assert.match(script, /p\.head\.sha === run\.head_sha/, "finds the pull request from the event, not the artifact");
      assert.match(script, /updateComment/, "updates its comment instead of adding one");
      assert.doesNotMatch(script, /\$\{\{/, "no expressions expanded into the script");
    });
  });

  it("preview.yml: pulumi preview with the policy pack and comment, per stack, same-repository pull requests only", () => {
    const w = load("preview.yml");
    const job = w.jobs.preview;
    assert.match(job.if ?? "", /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
    const include = job.strategy?.matrix.include ?? [];
    assert.deepStrictEqual(Object.fromEntries(include.map((i) => [i.stack, i["policy-config"]])), STACKS);
    const [pulumi] = pulumiSteps(job);
    assert.deepStrictEqual(
      {
        command: pulumi.with?.command,
        stack: pulumi.with?.["stack-name"],
        comment: pulumi.with?.["comment-on-pr"],
        packs: pulumi.with?.policyPacks,
        configs: pulumi.with?.policyPackConfigs,
      },
      {
        command: "preview",
        stack: expr("matrix.stack"),
        comment: true,
        packs: "policy",
        configs: expr("matrix.policy-config"),
      },
    );
    assert.strictEqual(job.permissions?.["id-token"], "write");
    const aws = job.steps.find((s) => usesOf(s) === "aws-actions/configure-aws-credentials");
    assert.ok(aws?.with?.["role-to-assume"], "OIDC role");
  });

  it("deploy.yml: on push to main, up dev, the login check against dev, then prod behind its environment", () => {
    const w = load("deploy.yml");
    assert.deepStrictEqual(w.on, { push: { branches: ["main"] } });
    const byStack: Record<string, { id: string; job: Job }> = Object.fromEntries(
      Object.entries(w.jobs).map(([id, job]) => [String(pulumiSteps(job)[0]?.with?.["stack-name"]), { id, job }]),
    );
    assert.deepStrictEqual(Object.keys(byStack).sort(), Object.keys(STACKS).sort());
    for (const [stack, { job }] of Object.entries(byStack)) {
      const [up] = pulumiSteps(job);
      assert.strictEqual(up.with?.command, "up");
      assert.strictEqual(up.with?.policyPacks, "policy");
      assert.strictEqual(up.with?.policyPackConfigs, STACKS[stack]);
      assert.strictEqual(job.environment, stack);
      assert.deepStrictEqual(job.concurrency, { group: `deploy-${stack}`, "cancel-in-progress": false });
    }
    const dev = byStack.dev.job;
    const upAt = dev.steps.findIndex((s) => usesOf(s) === "pulumi/actions");
    const checkAt = dev.steps.findIndex((s) => s.run === "npm run test:integration -- --stack dev");
    assert.ok(upAt >= 0 && checkAt > upAt, "the login check runs after pulumi up dev");
    assert.deepStrictEqual(byStack.prod.job.needs, byStack.dev.id);
  });

  it("drift.yml: nightly preview --refresh --expect-no-changes of every stack", () => {
    const w = load("drift.yml");
    assert.ok(Array.isArray(w.on.schedule) && w.on.schedule.length > 0);
    const job = w.jobs.drift;
    assert.deepStrictEqual([...(job.strategy?.matrix.stack ?? [])].sort(), Object.keys(STACKS).sort());
    const [pulumi] = pulumiSteps(job);
    assert.deepStrictEqual(
      [pulumi.with?.command, pulumi.with?.refresh, pulumi.with?.["expect-no-changes"]],
      ["preview", true, true],
    );
  });
});
