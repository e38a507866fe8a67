import * as assert from "node:assert";
import { diffRuns } from "../../../plan/diff";
import { planDocument } from "../../../plan/format";
import { PlanDocumentError, snapshotFromPlanDocument, snapshotFromRun, urnKey } from "../../../plan/snapshot";
import { runStack } from "../helpers";

describe("plan/snapshot", function () {
  this.timeout(120_000);

  it("reads a --json plan document of an older plan (no URNs): URNs rebuilt as the runner mints them, masked secrets found", async () => {
    const run = await runStack("dev");
    const doc = JSON.parse(JSON.stringify(planDocument(run)));
    for (const r of doc.resources) {
      delete r.urn;
      delete r.secretPaths;
    }
    const snap = snapshotFromPlanDocument(doc, "base");
    assert.deepStrictEqual(
      snap.resources.map((r) => r.urn),
      run.resources.map((r) => r.urn),
    );
    const seed = snap.resources.find((r) => r.type === "aws:cognito/user:User");
    assert.deepStrictEqual(seed?.secretPaths, ["temporaryPassword"]);
    assert.strictEqual(snap.secretsRevealed, false);
    assert.ok(snap.notes.some((n) => /URNs rebuilt/.test(n)));
    assert.ok(snap.violations && snap.violations.length === 0);
  });

  it("a masked side against the same plan revealed has no differences (secrets compare as masks)", async () => {
    const run = await runStack("dev");
    const base = snapshotFromPlanDocument(JSON.parse(JSON.stringify(planDocument(run))), "base");
    const diff = diffRuns(base, snapshotFromRun(run, "head"));
    assert.deepStrictEqual(diff.resources, []);
    assert.strictEqual(diff.unchanged, run.resources.filter((r) => r.custom).length);
  });

  it("refuses output that is not a plan document", () => {
    assert.throws(() => snapshotFromPlanDocument({ stack: 1 }, "x"), PlanDocumentError);
  });

  it("keys a URN without its stack, so two stacks line up", () => {
    assert.strictEqual(urnKey("urn:pulumi:dev::p::a$b::n"), urnKey("urn:pulumi:prod::p::a$b::n"));
  });
});
