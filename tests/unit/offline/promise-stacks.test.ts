import * as assert from "node:assert/strict";
import { withoutPromiseStacks } from "../../../offline/promise-stacks";

const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
};

const stampOf = (p: Promise<unknown>): string =>
  (Object.getOwnPropertyDescriptor(p, "_debugStackTrace")?.value as string | undefined) ?? "";

describe("offline/promise-stacks", () => {
  it("stamps the SDK's promises without frames while it runs, and restores the SDK after", async () => {
    const original = debuggable.debuggablePromise;
    let inside = "";
    let thrown = "";
    await withoutPromiseStacks(async () => {
      const p = Promise.resolve(1);
      debuggable.debuggablePromise(p, "test");
      inside = stampOf(p);
      thrown = new Error("a real error").stack ?? "";
    });
    assert.equal(inside.split("\n").length, 1, inside);
    assert.ok(thrown.split("\n").length > 1, "other errors keep their frames");
    assert.equal(debuggable.debuggablePromise, original);
    const q = Promise.resolve(2);
    debuggable.debuggablePromise(q, "after");
    assert.ok(stampOf(q).split("\n").length > 1, "frames again after the run");
  });

  it("restores the SDK when the run fails", async () => {
    const original = debuggable.debuggablePromise;
    await assert.rejects(
      withoutPromiseStacks(async () => {
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(debuggable.debuggablePromise, original);
  });
});
