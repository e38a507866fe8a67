import * as assert from "node:assert/strict";
import {
  fmtMb,
  fmtMs,
  fmtRatio,
  median,
  parseLoadOutput,
  percentile,
  ratio,
  replaceSection,
  SECTION_END,
  SECTION_START,
  table,
  verdict,
} from "../../../bench/stats";

describe("bench/stats", () => {
  it("takes the median and nearest-rank percentiles without reordering its input", () => {
    const xs = [5, 1, 4, 2, 3];
    assert.equal(median(xs), 3);
    assert.deepEqual(xs, [5, 1, 4, 2, 3]);
    assert.equal(median([4, 1, 3, 2]), 2);
    assert.ok(Number.isNaN(median([])));
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile([7], 95), 7);
  });

  it("divides only real figures and formats them", () => {
    assert.equal(ratio(3, 2), 1.5);
    assert.equal(ratio(1, 3), 0.33);
    assert.equal(ratio(1, 0), null);
    assert.equal(ratio(null, 2), null);
    assert.equal(fmtRatio(1.5), "1.50x");
    assert.equal(fmtRatio(null), "n/a");
    assert.equal(fmtMs(849.6), "850 ms");
    assert.equal(fmtMs(12_345), "12.3 s");
    assert.equal(fmtMs(undefined), "n/a");
    assert.equal(fmtMb(2048), "2 MB");
    assert.equal(verdict(1.2, 1.3), "yes");
    assert.equal(verdict(1.4, 1.3), "no");
    assert.equal(verdict(null, 1.3), "n/a");
    assert.deepEqual(table(["a", "b"], [["1", "2"]]), ["| a | b |", "| --- | --- |", "| 1 | 2 |"]);
  });

  it("replaces only the marked section, and appends one when there is none", () => {
    const doc = `# T\n\nintro\n\n${SECTION_START}\nold\n${SECTION_END}\n\ntail\n`;
    assert.equal(replaceSection(doc, "new"), `# T\n\nintro\n\n${SECTION_START}\nnew\n${SECTION_END}\n\ntail\n`);
    assert.equal(replaceSection("# T\n", "x"), `# T\n\n${SECTION_START}\nx\n${SECTION_END}\n`);
  });

  it("reads the step table and the flow summary of a load run", () => {
    const out = [
      "emulator (stack dev): 50/50 flows passed, concurrency 10, 39.5 s wall, 0 throttling retries",
      "  step                        n  p50 ms  p95 ms  max ms",
      "  describe-pool               1       8       8       8",
      "  srp-sign-in                50    1130    1766    1830",
      "emulator (stack dev): over the check's 41.2 s, moto used 30.15 s of CPU, the check's own process 12.40 s",
    ].join("\n");
    const r = parseLoadOutput(out);
    assert.equal(r.flows, 50);
    assert.equal(r.wallS, 39.5);
    assert.equal(r.emulatorCpuS, 30.15);
    assert.equal(r.checkCpuS, 12.4);
    assert.deepEqual(r.steps, [
      { step: "describe-pool", n: 1, p50: 8, p95: 8, max: 8 },
      { step: "srp-sign-in", n: 50, p50: 1130, p95: 1766, max: 1830 },
    ]);
    assert.deepEqual(parseLoadOutput("nothing").steps, []);
  });
});
