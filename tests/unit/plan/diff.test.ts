import * as assert from "node:assert";
import { PRESETS } from "../../../config/presets";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import type { RunResult } from "../../../offline/runner";
import { calloutsOf } from "../../../plan/callouts";
import { diffRuns, type StackDiff } from "../../../plan/diff";
import { snapshotFromRun } from "../../../plan/snapshot";
import { runStack } from "../helpers";

const snap = (run: RunResult, label: string) => snapshotFromRun(run, label);
/** The dev stack file writes out the pool name; an override of `pool` replaces the whole key. */
const pool = (extra: Record<string, unknown>) => ({
  "cognito-auth:pool": JSON.stringify({ name: "cognito-auth-dev", ...extra }),
});
const find = (d: StackDiff, type: string, nameEnd = "") =>
  d.resources.filter((r) => r.type === type && r.name.endsWith(nameEnd));

describe("plan/diff (diffRuns)", function () {
  this.timeout(120_000);

  it("the same plan twice: no differences", async () => {
    const run = await runStack("dev");
    const d = diffRuns(snap(run, "a"), snap(run, "b"));
    assert.deepStrictEqual(d.resources, []);
    assert.deepStrictEqual(calloutsOf(d), []);
  });

  it("caseSensitive: the pool and its guard are replaced with the property path; clients and groups follow", async () => {
    const base = await runStack("dev");
    const head = await runStack("dev", undefined, pool({ usernameConfiguration: { caseSensitive: true } }));
    const d = diffRuns(snap(base, "HEAD"), snap(head, "working tree"));
    const [userPool] = find(d, RESOURCE_TYPES.userPool);
    assert.strictEqual(userPool.change, "replaced");
    assert.deepStrictEqual(userPool.paths, [
      { path: "usernameConfiguration.caseSensitive", secret: false, forcesNew: true, before: false, after: true },
    ]);
    const [guard] = find(d, RESOURCE_TYPES.randomId, "-guard-sign-in-settings");
    assert.strictEqual(guard.change, "replaced");
    assert.deepStrictEqual(
      guard.paths.map((p) => p.path),
      ["keepers.caseSensitive"],
    );
    for (const client of find(d, RESOURCE_TYPES.userPoolClient)) {
      assert.strictEqual(client.change, "replaced", client.name);
      assert.ok(client.paths.some((p) => p.path === "userPoolId" && p.follows === userPool.name && p.forcesNew));
    }
    // The identity pool names the pool and a client, but neither is force-new for it: updated in place.
    assert.strictEqual(find(d, RESOURCE_TYPES.identityPool)[0].change, "changed");
    const callouts = calloutsOf(d);
    assert.deepStrictEqual(
      callouts.slice(0, 2).map((c) => [c.subject, c.action, c.name]),
      [
        ["user pool", "replaced", userPool.name],
        ["replacement guard", "replaced", guard.name],
      ],
    );
    assert.match(callouts[0].loses, /every user/);
    assert.match(callouts[1].guard ?? "", /Not protected/);
    assert.ok(callouts.some((c) => c.subject === "app client" && /new client id/.test(c.loses)));
    assert.ok(callouts.some((c) => c.subject === "group" && /memberships/.test(c.loses)));
    assert.strictEqual(d.resources[0].change, "replaced");
  });

  it("prod: the protected guard and pool say pulumi preview stops the replacement", async () => {
    const base = await runStack("prod");
    const head = await runStack("prod", undefined, {
      "cognito-auth:pool": JSON.stringify({
        name: "cognito-auth-prod",
        usernameConfiguration: { caseSensitive: true },
      }),
    });
    const callouts = calloutsOf(diffRuns(snap(base, "b"), snap(head, "h")));
    for (const subject of ["user pool", "replacement guard"])
      assert.match(callouts.find((c) => c.subject === subject)?.guard ?? "", /Protected: `pulumi preview` fails/);
  });

  it("adding a group: one created row and nothing replaced", async () => {
    const base = await runStack("dev");
    const head = await runStack("dev", undefined, {
      "cognito-auth:groups": JSON.stringify({ Support: { description: "Support staff", precedence: 20 } }),
    });
    const d = diffRuns(snap(base, "b"), snap(head, "h"));
    assert.deepStrictEqual(
      d.resources.map((r) => [r.change, r.type, r.name]),
      [["added", RESOURCE_TYPES.userGroup, "cognito-groups-Support"]],
    );
    assert.deepStrictEqual(calloutsOf(d), []);
  });

  it("custom attributes: adding one updates the pool in place, changing one is refused", async () => {
    const schemas = PRESETS.dev("dev").pool.schemas;
    const base = await runStack("dev");
    const added = await runStack(
      "dev",
      undefined,
      pool({
        schemas: [
          ...schemas,
          { name: "favorite_color", attributeDataType: "String", mutable: true, developerOnlyAttribute: false },
        ],
      }),
    );
    const add = diffRuns(snap(base, "b"), snap(added, "h"));
    const [grown] = find(add, RESOURCE_TYPES.userPool);
    assert.strictEqual(grown.change, "changed");
    assert.strictEqual(grown.refused, undefined);
    assert.match(grown.notes.join(), /adds favorite_color in place/);
    assert.strictEqual(find(add, RESOURCE_TYPES.randomId, "-favorite_color")[0].change, "added");
    assert.ok(!add.resources.some((r) => r.change === "replaced"));

    const altered = await runStack(
      "dev",
      undefined,
      pool({ schemas: schemas.map((a) => (a.name === "last_login" ? { ...a, mutable: false } : a)) }),
    );
    const alter = diffRuns(snap(base, "b"), snap(altered, "h"));
    const [changed] = find(alter, RESOURCE_TYPES.userPool);
    assert.match(changed.refused ?? "", /last_login \(changed\).*cannot modify or remove schema items/);
    const callouts = calloutsOf(alter);
    assert.ok(callouts.some((c) => c.subject === "user pool" && c.action === "refused"));
    assert.ok(callouts.some((c) => c.subject === "replacement guard" && c.name.endsWith("-last_login")));
  });

  it("two stacks: nothing is judged replaced; what is only in one and what differs", async () => {
    const [dev, prod] = [await runStack("dev"), await runStack("prod")];
    const d = diffRuns(snap(dev, "dev"), snap(prod, "prod"), null);
    assert.strictEqual(d.judgesReplacement, false);
    assert.ok(!d.resources.some((r) => r.change === "replaced"));
    assert.ok(find(d, RESOURCE_TYPES.identityPool)[0].change === "removed", "the identity pool is dev's only");
    assert.ok(find(d, RESOURCE_TYPES.riskConfiguration)[0].change === "added", "risk configuration is prod's only");
    const [p] = find(d, RESOURCE_TYPES.userPool);
    assert.ok(p.paths.some((x) => x.path === "mfaConfiguration" && x.before === "OPTIONAL" && x.after === "ON"));
    assert.deepStrictEqual(calloutsOf(d), []);
  });
});
