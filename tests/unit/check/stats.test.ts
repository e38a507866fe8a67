import * as assert from "node:assert";
import { percentile, Timings } from "../../../check/stats";

describe("check/stats", () => {
  it("computes nearest-rank percentiles", () => {
    const v = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.strictEqual(percentile(v, 50), 5);
    assert.strictEqual(percentile(v, 95), 10);
    assert.strictEqual(percentile(v, 0), 1);
    assert.strictEqual(percentile([42], 95), 42);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it("tabulates steps in first-seen order with n, p50, p95 and max", () => {
    const t = new Timings();
    for (const ms of [10, 20, 30]) t.add("sign-up", ms);
    t.add("refresh", 7.4);
    const lines = t.table().split("\n");
    assert.match(lines[0], /^step\s+n\s+p50 ms\s+p95 ms\s+max ms$/);
    assert.match(lines[1], /^sign-up\s+3\s+20\s+30\s+30$/);
    assert.match(lines[2], /^refresh\s+1\s+7\s+7\s+7$/);
  });
});
