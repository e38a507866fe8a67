import * as assert from "node:assert";
import type { DeployResult } from "../../../emulator/deploy";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { parseLocalArgs, summary } from "../../../scripts/local";
import { runStack } from "../helpers";

describe("scripts/local", () => {
  it("defaults to the dev stack and takes --stack and --keep", () => {
    assert.deepStrictEqual(parseLocalArgs([]), { stack: "dev", keep: false });
    assert.deepStrictEqual(parseLocalArgs(["--stack", "prod", "--keep"]), { stack: "prod", keep: true });
    assert.throws(() => parseLocalArgs(["--stack"]), /--stack needs a stack name/);
    assert.throws(() => parseLocalArgs(["--fast"]), /unknown option --fast/);
  });

  it("summarizes endpoints, clients, groups, seed users and not-emulated resources without printing secrets", async () => {
    const run = await runStack("dev");
    const outputs = run.outputs as unknown as StackOutputs;
    const d: DeployResult = {
      stack: "dev",
      outputs,
      secretOutputPaths: run.secretOutputPaths,
      resources: run.resources,
      emulated: [],
      notEmulated: [{ type: "aws:cognito/riskConfiguration:RiskConfiguration", name: "risk", reason: "no API" }],
    };
    const text = summary(d, "http://127.0.0.1:4567", "/tmp/cognito-config.json").join("\n");
    for (const want of [
      "http://127.0.0.1:4567",
      outputs.userPoolId,
      outputs.issuer,
      outputs.clients.web.clientId,
      "Customers",
      "admin@example.com",
      "RiskConfiguration  risk: no API",
    ]) {
      assert.ok(text.includes(want), `summary shows ${want}`);
    }
    const secrets = [...Object.values(outputs.clientSecrets), ...Object.values(outputs.seedUserPasswords)];
    assert.strictEqual(secrets.length, 4, "two client secrets and two seed passwords");
    for (const s of secrets) assert.ok(s && !text.includes(s), "no secret in the summary");
    assert.match(text, /backend +server +\S+ {2}\(secret in the config file\)/);
    assert.doesNotMatch(text, /web +web +\S+ {2}\(secret/);
  });
});
