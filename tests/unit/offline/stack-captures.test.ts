import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { withoutStackCaptures } from "../../../offline/stack-captures";
import { PROJECT_ROOT } from "../../../util/project-root";

const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
};
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { leakCandidates: Set<Promise<unknown>> } };
const resourceClass = pulumi.Resource as unknown as { callsites(): Array<{ file?: string }> };

const stampOf = (p: Promise<unknown>): string | undefined =>
  Object.getOwnPropertyDescriptor(p, "_debugStackTrace")?.value as string | undefined;

describe("offline/stack-captures", () => {
  it("tracks the SDK's promises as leak candidates without stamping them, and restores the SDK after", async () => {
    const original = debuggable.debuggablePromise;
    let release: (v: number) => void = () => undefined;
    await withoutStackCaptures(async () => {
      debuggable.debuggablePromise(Promise.resolve(0), "the first goes through the SDK");
      const p = new Promise<number>((r) => {
        release = r;
      });
      const wrapped = debuggable.debuggablePromise(p, "test");
      assert.equal(stampOf(p), undefined, "no stack stamped");
      assert.ok(state.getStore().leakCandidates.has(p), "pending: a leak candidate");
      release(7);
      assert.equal(await wrapped, 7);
      assert.ok(!state.getStore().leakCandidates.has(p), "settled: no longer a candidate");
      const failing = debuggable.debuggablePromise(Promise.reject(new Error("no")), "rejects");
      await assert.rejects(failing, /no/);
      assert.ok((new Error("a real error").stack ?? "").split("\n").length > 1, "other errors keep their frames");
    });
    assert.equal(debuggable.debuggablePromise, original);
    const q = Promise.resolve(2);
    await debuggable.debuggablePromise(q, "after");
    assert.ok((stampOf(q) ?? "").split("\n").length > 1, "stamped with frames again after the run");
  });

  it("gives resources no source position while it runs, and restores the SDK's capture after", async () => {
    const original = resourceClass.callsites;
    let inside: unknown[] = [];
    await withoutStackCaptures(async () => {
      inside = resourceClass.callsites();
    });
    assert.deepEqual(inside, []);
    assert.equal(resourceClass.callsites, original);
    const after = resourceClass.callsites();
    assert.ok(
      after.some((c) => c.file?.endsWith("stack-captures.test.ts")),
      "the SDK's capture names this file again",
    );
  });

  it("restores the SDK when the run fails", async () => {
    const promises = debuggable.debuggablePromise;
    const callsites = resourceClass.callsites;
    await assert.rejects(
      withoutStackCaptures(async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(debuggable.debuggablePromise, promises);
    assert.equal(resourceClass.callsites, callsites);
  });

  it("still fails the process at exit when a promise is left pending, as the SDK does", function () {
    this.timeout(30_000);
    const script = `
      const { withoutStackCaptures } = require(${JSON.stringify(path.join(PROJECT_ROOT, "offline/stack-captures"))});
      const debuggable = require("@pulumi/pulumi/runtime/debuggable");
      withoutStackCaptures(async () => {
        await debuggable.debuggablePromise(Promise.resolve(1), "settles");
        debuggable.debuggablePromise(new Promise(() => undefined), "never settles");
      });`;
    const r = spawnSync(process.execPath, ["-r", "@swc-node/register", "-e", script], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /detected that 1 promise was still active/);
  });
});
