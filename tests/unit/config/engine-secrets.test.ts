import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { engineSecretKeys } from "../../../config/engine-secrets";

describe("config/engine-secrets", () => {
  it("reads which engine config keys are secret, as the engine hands them to the program", () => {
    const before = pulumi.runtime.allConfig();
    try {
      pulumi.runtime.setAllConfig(
        { "aws:region": "us-east-1", "cognito-auth:identityProviders": "{}", "cognito-auth:tags": "{}" },
        ["cognito-auth:identityProviders"],
      );
      assert.deepStrictEqual(engineSecretKeys(), ["cognito-auth:identityProviders"]);
    } finally {
      pulumi.runtime.setAllConfig(before, []);
    }
  });
});
