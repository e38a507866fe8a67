/**
 * The WAF and auth-event-log rules over the real prod program: mandatory under prod.json, satisfied
 * by the committed prod stack, and failing a prod stack that turns either off.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePolicies, type Violation } from "../../plan/evaluate-policies";
import { runStack } from "../unit/helpers";

const config = (name: string): object =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", "config", `${name}.json`), "utf8"));
const mandatory = (vs: Violation[]) => vs.filter((v) => v.level === "mandatory").map((v) => v.policy);

describe("the policy pack over prod's WAF and auth event logs", () => {
  it("the committed prod stack satisfies both rules", async () => {
    const vs = await evaluatePolicies(await runStack("prod"), config("prod"));
    assert.deepStrictEqual(mandatory(vs), []);
    const policies = vs.map((v) => v.policy);
    assert.ok(!policies.includes("cognito-user-pool-waf"));
    assert.ok(!policies.includes("cognito-user-pool-auth-event-logs"));
  });

  it("a prod stack with WAF and log export off fails both, as mandatory", async () => {
    const run = await runStack("prod", undefined, {
      "cognito-auth:waf": JSON.stringify({ enabled: false }),
      "cognito-auth:authEventLogs": JSON.stringify({ enabled: false }),
    });
    const vs = await evaluatePolicies(run, config("prod"));
    assert.deepStrictEqual(mandatory(vs).sort(), ["cognito-user-pool-auth-event-logs", "cognito-user-pool-waf"]);
  });

  it("dev reports both only as advisories", async () => {
    const vs = await evaluatePolicies(await runStack("dev"), config("dev"));
    for (const p of ["cognito-user-pool-waf", "cognito-user-pool-auth-event-logs"])
      assert.deepStrictEqual(
        vs.filter((v) => v.policy === p).map((v) => v.level),
        ["advisory"],
        p,
      );
  });
});
