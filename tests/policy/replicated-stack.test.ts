/**
 * The pack over the replicated prod fixture (tests/fixtures/replicated): the real program through
 * the offline runner, judged with prod.json; then the same run with the regional configuration or
 * the multi-Region key taken out, as another program could leave them, to show the replication rule
 * judges these resources (a pass alone could mean it never applied).
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../offline/resource-types";
import type { RunResult } from "../../offline/runner";
import { evaluatePolicies, type Violation } from "../../plan/evaluate-policies";
import { runStack } from "../unit/helpers";

const prodConfig = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "policy", "config", "prod.json"), "utf8"),
) as object;
const mandatory = (vs: Violation[]) => vs.filter((v) => v.level === "mandatory");
const show = (vs: Violation[]) => vs.map((v) => `[${v.level}] ${v.policy}: ${v.message}`).join("\n");
const RULE = "cognito-user-pool-replication";

describe("the policy pack over the replicated prod stack", () => {
  let run: RunResult;
  before(async () => {
    run = await runStack("replicated", "tests/fixtures/replicated");
  });
  const without = (type: string): RunResult => {
    const copy = JSON.parse(JSON.stringify(run)) as RunResult;
    copy.resources = copy.resources.filter((r) => r.type !== type);
    return copy;
  };

  it("has no mandatory violation under policy/config/prod.json", async () => {
    const vs = await evaluatePolicies(run, prodConfig);
    assert.deepStrictEqual(mandatory(vs), [], show(vs));
    assert.deepStrictEqual(
      vs.filter((v) => v.policy === RULE),
      [],
    );
  });

  it("flags a replica without its regional configuration", async () => {
    const vs = await evaluatePolicies(without(RESOURCE_TYPES.userPoolRegionalConfiguration), prodConfig);
    const hits = vs.filter((v) => v.policy === RULE && v.level === "mandatory");
    assert.strictEqual(hits.length, 1, show(vs));
    assert.match(hits[0].message, /no regional configuration in us-west-2/);
  });

  it("flags the pool when its key configuration is gone", async () => {
    const vs = await evaluatePolicies(without(RESOURCE_TYPES.userPoolKeyConfiguration), prodConfig);
    assert.ok(
      vs.some((v) => v.policy === RULE && v.message.includes("no key configuration")),
      show(vs),
    );
  });
});
