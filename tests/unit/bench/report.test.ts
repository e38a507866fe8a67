import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { markdown } from "../../../bench/report";
import type { Results } from "../../../bench/runs";
import { PROJECT_ROOT } from "../../../util/project-root";

const committed = (): Results =>
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "bench", "results.json"), "utf8")) as Results;

describe("bench/report", () => {
  it("renders the committed results as the section BENCHMARKS.md holds", () => {
    const doc = fs.readFileSync(path.join(PROJECT_ROOT, "BENCHMARKS.md"), "utf8");
    const section = doc.slice(doc.indexOf("<!-- bench:start -->") + 20, doc.indexOf("<!-- bench:end -->"));
    assert.strictEqual(markdown(committed()).trim(), section.trim());
  });

  it("judges each target from the figures: a cold plan at 1.31x the floor misses 1.3x", () => {
    const r = committed();
    r.cold.prod.vsFloor = 1.31;
    assert.match(markdown(r), /\| cold `plan -- prod` at most 1\.3x the floor \| 1\.31x \| no \|/);
    r.cold.prod.vsFloor = 1.3;
    assert.match(markdown(r), /\| cold `plan -- prod` at most 1\.3x the floor \| 1\.30x \| yes \|/);
  });

  it("also judges the plan against the floor given the same TypeScript deferral", () => {
    const r = committed();
    r.cold.prod.medianMs = 1300;
    r.cold.floorDeferred = { ...r.cold.floorDeferred, medianMs: 1000 };
    assert.match(markdown(r), /\| the same against the floor given the plan's TypeScript deferral \| 1\.30x \| yes \|/);
    r.cold.floorDeferred.medianMs = 811;
    assert.match(markdown(r), /\| the same against the floor given the plan's TypeScript deferral \| 1\.60x \| no \|/);
  });

  it("says n/a for the suites and the login flow when the run skipped them", () => {
    const { suites: _s, login: _l, ...rest } = committed();
    assert.match(markdown(rest), /\| at least 4 flows\/s at concurrency 10 \| n\/a \| n\/a \|/);
  });
});
