import * as assert from "node:assert";
import type { ConfigIssue } from "../../../config/errors";
import { labelOrigins } from "../../../config/issue-origin";
import { devPreset } from "../../../config/presets/dev";

describe("config/issue-origin", () => {
  const preset = devPreset("dev");
  const label = (path: string, stackConfig: Record<string, unknown>, merged: Record<string, unknown>) => {
    const i: ConfigIssue = { path, value: undefined, rule: "bad" };
    labelOrigins([i], {
      stack: "dev",
      environment: "dev",
      stackConfig,
      projectConfig: {},
      stackFile: "Pulumi.dev.yaml",
      raw: {},
      preset,
      merged,
    });
    return i;
  };
  const merged = structuredClone(preset) as unknown as Record<string, unknown>;

  it("names the preset and the key that changes a value the user never wrote", () => {
    const i = label("pool.mfaConfiguration", {}, merged);
    assert.strictEqual(i.source, "preset dev");
    assert.strictEqual(
      i.rule,
      "bad; this value comes from the preset dev: set pool.mfaConfiguration in Pulumi.dev.yaml to change it",
    );
  });

  it("names a client kind's defaults for a list the kind gave, and the user's file for what it wrote", () => {
    const withKinds = { ...merged, clients: { web: { kind: "web", readAttributes: ["email"] } } };
    assert.strictEqual(label("clients.web.readAttributes[0]", {}, withKinds).source, "defaults of client kind web");
    const own = label("pool.name", { "cognito-auth:pool": { name: "x" } }, merged);
    assert.deepStrictEqual([own.source, own.rule], ["Pulumi.dev.yaml", "bad"]);
  });
});
