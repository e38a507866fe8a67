import * as assert from "node:assert";
import { strayKeys } from "../../../config/stray-keys";

describe("config/stray-keys", () => {
  it("names a namespace one or two edits from ours, never aws: or another project's", () => {
    const keys = strayKeys({
      stack: "s",
      engineConfig: { "cognito_auth:pool": "{}", "cognitoauth:x": "1", "aws:region": "us-east-1", "my-app:a": "1" },
      secretKeys: [],
    }).map((i) => i.key);
    assert.deepStrictEqual(keys.sort(), ["cognito_auth:pool", "cognitoauth:x"]);
  });

  it("names config keys written outside config:, not Pulumi's own stack-file settings", () => {
    const issues = strayKeys({
      stack: "s",
      engineConfig: {},
      secretKeys: [],
      files: {
        stackFile: "Pulumi.s.yaml",
        stackConfig: {},
        projectConfig: {},
        exists: true,
        misplacedKeys: ["aws:region", "pool", "notes"],
      },
    });
    assert.deepStrictEqual(
      issues.map((i) => i.key),
      ["aws:region", "pool"],
    );
    assert.match(issues[0].rule, /move it under config:/);
  });
});
