import * as assert from "node:assert";
import { ConfigError } from "../../../config/errors";
import { loadConfig } from "../../../config/load";
import { resolveRegion } from "../../../config/region";
import { configInput } from "../helpers";

describe("config/region", () => {
  it("resolves like the AWS provider: aws:region, then AWS_REGION, then AWS_DEFAULT_REGION", () => {
    assert.strictEqual(resolveRegion({ "aws:region": "eu-west-1" }, { AWS_REGION: "us-west-2" }), "eu-west-1");
    assert.strictEqual(resolveRegion({}, { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }), "us-west-2");
    assert.strictEqual(resolveRegion({}, { AWS_DEFAULT_REGION: "ap-south-1" }), "ap-south-1");
    assert.strictEqual(resolveRegion({ "aws:region": " " }, {}), undefined);
  });

  it("builds the model for the environment's region when the stack sets none", () => {
    const input = configInput("dev", {});
    delete input.engineConfig["aws:region"];
    assert.strictEqual(loadConfig({ ...input, env: { AWS_REGION: "eu-central-1" } }).region, "eu-central-1");
  });

  it("fails with a config error naming aws:region, never a guess, and still reports the rest", () => {
    const input = configInput("dev", { pool: { mfaConfiguration: "SOMETIMES" } });
    delete input.engineConfig["aws:region"];
    assert.throws(
      () => loadConfig({ ...input, env: {} }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.issues.some((i) => i.key === "aws:region") &&
        e.issues.some((i) => i.path === "pool.mfaConfiguration") &&
        /- aws:region: no AWS region/.test(e.message),
    );
  });
});
