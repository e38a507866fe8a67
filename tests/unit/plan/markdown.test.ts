import * as assert from "node:assert";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import { buildReport } from "../../../plan/diff-report";
import { formatDiffMarkdown, MARKDOWN_LIMIT, MARKDOWN_MARKER } from "../../../plan/markdown";
import { type PlanSnapshot, type SnapshotResource, snapshotFromRun } from "../../../plan/snapshot";
import { runStack } from "../helpers";

const group = (i: number): SnapshotResource => ({
  urn: `urn:pulumi:dev::cognito-auth::aws:cognito/userGroup:UserGroup::g-${i}-${"x".repeat(40)}`,
  type: RESOURCE_TYPES.userGroup,
  name: `g-${i}-${"x".repeat(40)}`,
  custom: true,
  inputs: { name: `g${i}` },
  secretPaths: [],
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
  refs: [],
});
const side = (label: string, resources: SnapshotResource[]): PlanSnapshot => ({
  stack: "dev",
  label,
  resources,
  secretsRevealed: true,
  violations: [],
  notes: [],
});

describe("plan/markdown", function () {
  this.timeout(120_000);

  it("caseSensitive: summary first, then the pool and its guard replaced with the path, details folded, no values", async () => {
    const base = await runStack("dev");
    const head = await runStack("dev", undefined, {
      "cognito-auth:pool": JSON.stringify({ name: "cognito-auth-dev", usernameConfiguration: { caseSensitive: true } }),
    });
    const report = buildReport("dev", snapshotFromRun(base, "HEAD"), snapshotFromRun(head, "working tree"), []);
    const md = formatDiffMarkdown([report]);
    assert.ok(md.startsWith(MARKDOWN_MARKER));
    const at = (s: string) => {
      const i = md.indexOf(s);
      assert.ok(i >= 0, `missing ${s}`);
      return i;
    };
    const summary = at("| stack | replaced |");
    const poolLine = at("- **user pool replaced**: `cognito-pool-user-pool` (`usernameConfiguration.caseSensitive`)");
    const guardLine = at(
      "- **replacement guard replaced**: `cognito-pool-guard-sign-in-settings` (`keepers.caseSensitive`)",
    );
    const clients = at("- **3 app clients replaced**");
    const details = at("<details>");
    assert.ok(summary < poolLine && poolLine < guardLine && guardLine < clients && clients < details);
    // 16 pool-bound resources, plus the two trigger functions' invoke permissions (sourceArn is ForceNew).
    assert.match(md, /\| `dev` \| \*\*18\*\* \|/);
    assert.doesNotMatch(md, /false -> true|"false"/, "paths, not values");
    assert.ok(md.length < MARKDOWN_LIMIT);
  });

  it("one comment for several stacks, and a base that could not be planned says why", () => {
    const ok = buildReport("dev", side("HEAD", [group(1)]), side("working tree", [group(1), group(2)]), []);
    const failed = buildReport(
      "prod",
      { label: "HEAD", error: "stack prod does not plan at HEAD" },
      side("working tree", []),
      [],
    );
    const md = formatDiffMarkdown([ok, failed]);
    assert.match(md, /\| `dev` \| 0 \| 0 \| 1 \| 0 \| 0 \|/);
    assert.match(md, /\| `prod` \| base not planned \|/);
    assert.match(md, /the base `HEAD` could not be planned[\s\S]*stack prod does not plan at HEAD/);
  });

  it("trims to the limit with a note, keeping the summary", () => {
    const many = Array.from({ length: 2000 }, (_, i) => group(i));
    const report = buildReport("dev", side("HEAD", []), side("working tree", many), []);
    const md = formatDiffMarkdown([report], { rerun: "npm run plan -- dev --base HEAD" });
    assert.ok(md.length <= MARKDOWN_LIMIT, `${md.length}`);
    assert.match(md, /\| `dev` \| 0 \| 0 \| 2000 \|/);
    assert.match(
      md,
      /Trimmed to stay under 60,000 characters: 0 sections and \d+ rows left out\. Run `npm run plan -- dev --base HEAD`/,
    );
    assert.match(md, /more rows \(trimmed\)/);
    const tiny = formatDiffMarkdown([report], { limit: 1500 });
    assert.ok(tiny.length <= 1500, `${tiny.length}`);
    assert.match(tiny, /Trimmed/);
  });
});
