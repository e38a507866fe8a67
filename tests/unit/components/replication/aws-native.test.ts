import * as assert from "node:assert/strict";
import { awsNative } from "../../../../components/replication/aws-native";

describe("components/replication/aws-native", () => {
  it("hands back the @pulumi/aws-native module the replication components construct from", () => {
    const native = awsNative();
    assert.equal(typeof native.Provider, "function");
    assert.equal(typeof native.cognito.UserPoolReplica, "function");
    assert.equal(typeof native.cognito.UserPoolRegionalConfigurationAttachment, "function");
    assert.equal(native, require("@pulumi/aws-native"));
  });
});
