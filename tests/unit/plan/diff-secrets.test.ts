import * as assert from "node:assert";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import { diffRuns } from "../../../plan/diff";
import { buildReport, diffDocument } from "../../../plan/diff-report";
import { formatDiffTable } from "../../../plan/diff-table";
import { formatDiffMarkdown } from "../../../plan/markdown";
import { type PlanSnapshot, SECRET_MARK, type SnapshotResource } from "../../../plan/snapshot";

const URN =
  "urn:pulumi:dev::cognito-auth::cognito-auth:index:CognitoAuth$aws:cognito/identityProvider:IdentityProvider::c-google";

function idp(
  secret: string,
  extra: Record<string, unknown> = {},
  secretPaths = ["providerDetails.client_secret"],
): SnapshotResource {
  return {
    urn: URN,
    type: RESOURCE_TYPES.identityProvider,
    name: "c-google",
    custom: true,
    inputs: { providerName: "Google", providerDetails: { client_id: "id", client_secret: secret, ...extra } },
    secretPaths,
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    refs: [],
  };
}

const side = (label: string, r: SnapshotResource[], secretsRevealed = true): PlanSnapshot => ({
  stack: "dev",
  label,
  resources: r,
  secretsRevealed,
  violations: [],
  notes: [],
});

describe("plan/diff: secrets", () => {
  it("a changed secret is reported as changed, with no value in the table, markdown or JSON", () => {
    const base = side("base", [idp("old-hunter2")]);
    const head = side("head", [idp("new-hunter3")]);
    const d = diffRuns(base, head);
    assert.deepStrictEqual(d.resources[0].paths, [
      { path: "providerDetails.client_secret", secret: true, forcesNew: false },
    ]);
    const report = buildReport("dev", base, head, []);
    const outputs = [formatDiffTable(report), formatDiffMarkdown([report]), JSON.stringify(diffDocument([report]))];
    for (const out of outputs) {
      assert.doesNotMatch(out, /hunter/);
    }
    assert.match(outputs[0], /providerDetails\.client_secret: changed \(secret\)/);
    assert.match(outputs[1], /`providerDetails\.client_secret` \(secret: changed\)/);
  });

  it("a masked base: an unchanged secret is not a difference; one that turns plain or appears is, without values", () => {
    const masked = side("base", [idp(SECRET_MARK)], false);
    assert.deepStrictEqual(diffRuns(masked, side("head", [idp("hunter2")])).resources, []);
    const plain = diffRuns(masked, side("head", [idp("hunter2", {}, [])]));
    assert.deepStrictEqual(plain.resources[0].paths, [
      { path: "providerDetails.client_secret", secret: true, forcesNew: false },
    ]);
    const grown = diffRuns(masked, side("head", [idp("hunter2", { apple: "x" }, ["providerDetails"])]));
    assert.ok(grown.resources[0].paths.every((p) => p.secret && p.before === undefined && p.after === undefined));
  });

  it("a removed custom attribute is refused, not a replacement", () => {
    const pool = (schemas: unknown[]): SnapshotResource => ({
      ...idp("x"),
      urn: "urn:pulumi:dev::cognito-auth::aws:cognito/userPool:UserPool::p",
      type: RESOURCE_TYPES.userPool,
      name: "p",
      inputs: { name: "p", schemas },
      secretPaths: [],
    });
    const a = { name: "a", attributeDataType: "String" };
    const b = { name: "b", attributeDataType: "Number" };
    const d = diffRuns(side("base", [pool([a, b])]), side("head", [pool([a])]));
    assert.strictEqual(d.resources[0].change, "changed");
    assert.match(d.resources[0].refused ?? "", /schemas: b \(removed\)/);
    const reordered = diffRuns(side("base", [pool([a, b])]), side("head", [pool([b, a])]));
    assert.deepStrictEqual(reordered.resources, [], "a set in another order is no change");
  });
});
