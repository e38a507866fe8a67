import * as assert from "node:assert";
import { resourceKey } from "../../../../offline/recorded-resource";
import { RESOURCE_TYPES as T } from "../../../../offline/resource-types";
import type { RunResult } from "../../../../offline/runner";
import { one, runStack } from "../../helpers";

describe("components/replication/replica", () => {
  let run: RunResult;
  before(async () => {
    run = await runStack("replicated", "tests/fixtures/replicated");
  });

  it("gives the replica region an aws-native provider of its own", () => {
    const p = run.resources.filter((r) => r.type === T.awsNativeProvider && r.name.endsWith("-us-west-2-aws-native"));
    assert.strictEqual(p.length, 1);
    assert.strictEqual(p[0].inputs.region, "us-west-2");
  });

  it("never sets userPoolTagsAtCreate (replace-on-change: a tag edit would delete the replica)", () => {
    assert.strictEqual(one(run, T.userPoolReplica).inputs.userPoolTagsAtCreate, undefined);
  });

  it("parents the replica and its regional configuration to one component per region", () => {
    const replica = one(run, T.userPoolReplica);
    const regional = one(run, T.userPoolRegionalConfiguration);
    assert.strictEqual(replica.parent, "cognito-auth:replication:UserPoolReplicaRegion::cognito-replication-us-west-2");
    assert.strictEqual(regional.parent, replica.parent);
    assert.ok(regional.dependsOn.includes(resourceKey(replica)));
  });
});
