import * as assert from "node:assert";
import { resourceKey } from "../../../../offline/recorded-resource";
import { RESOURCE_TYPES as T } from "../../../../offline/resource-types";
import type { RunResult } from "../../../../offline/runner";
import { ofType, one, runStack } from "../../helpers";

const FIXTURE = "tests/fixtures/replicated";

describe("components/replication/replication", () => {
  let run: RunResult;
  let prod: RunResult;
  before(async () => {
    run = await runStack("replicated", FIXTURE);
    prod = await runStack("prod");
  });

  it("the committed prod stack has no replication (it costs money and needs the team's decision)", () => {
    // The alarm topic's key (components/monitoring.ts) is a single-Region key: not replication's.
    for (const t of [
      T.kmsKey,
      T.kmsReplicaKey,
      T.userPoolReplica,
      T.userPoolRegionalConfiguration,
      T.userPoolKeyConfiguration,
    ])
      assert.deepStrictEqual(
        ofType(prod, t).filter((r) => t !== T.kmsKey || r.inputs.multiRegion === true),
        [],
        t,
      );
    assert.strictEqual(prod.outputs.replication, undefined);
  });

  it("creates the key, its replica key, the key configuration, the replica and its regional configuration", () => {
    assert.strictEqual(ofType(run, T.kmsKey).length, 1);
    assert.strictEqual(ofType(run, T.kmsReplicaKey).length, 1);
    assert.strictEqual(ofType(run, T.userPoolKeyConfiguration).length, 1);
    assert.strictEqual(ofType(run, T.userPoolReplica).length, 1);
    assert.strictEqual(ofType(run, T.userPoolRegionalConfiguration).length, 1);
  });

  it("sets the pool's key configuration to the created multi-Region key and the multi-Region issuer", () => {
    const pool = one(run, T.userPool);
    const key = one(run, T.kmsKey);
    const kc = one(run, T.userPoolKeyConfiguration);
    assert.strictEqual(kc.inputs.userPoolId, pool.id);
    assert.strictEqual(kc.inputs.kmsKeyArn, key.state.arn);
    assert.match(String(kc.inputs.kmsKeyArn), /:key\/mrk-/);
    assert.strictEqual(kc.inputs.issuer, "UPDATED");
    assert.strictEqual(kc.inputs.region, "us-east-1");
    // Replica keys first: Cognito checks the key exists in every replica region.
    assert.deepStrictEqual(kc.dependsOn, [resourceKey(one(run, T.kmsReplicaKey))]);
  });

  it("creates the replica through the primary region's aws-native provider, after the key configuration", () => {
    const replica = one(run, T.userPoolReplica);
    assert.deepStrictEqual(replica.inputs, { userPoolId: one(run, T.userPool).id, regionName: "us-west-2" });
    const provider = run.resources.find((r) => resourceKey(r) === replica.provider);
    assert.strictEqual(provider?.type, T.awsNativeProvider);
    assert.strictEqual(provider?.inputs.region, "us-east-1");
    assert.deepStrictEqual(replica.dependsOn, [resourceKey(one(run, T.userPoolKeyConfiguration))]);
    assert.strictEqual(replica.protect, true, "a prod replica is protected like its pool");
  });

  it("exports the key and, per replica region, the endpoint, the shared issuer and that region's JWKS", () => {
    const id = String(run.outputs.userPoolId);
    assert.strictEqual(run.outputs.issuer, `https://issuer-cognito-idp.us-east-1.amazonaws.com/${id}`);
    assert.deepStrictEqual(run.outputs.replication, {
      kmsKeyArn: one(run, T.kmsKey).state.arn,
      regions: {
        "us-west-2": {
          region: "us-west-2",
          status: "ACTIVE",
          endpoint: "https://cognito-idp.us-west-2.amazonaws.com/",
          issuer: `https://issuer-cognito-idp.us-east-1.amazonaws.com/${id}`,
          jwksUri: `https://issuer-cognito-idp.us-west-2.amazonaws.com/${id}/.well-known/jwks.json`,
        },
      },
    });
  });

  it("creates no resource inside an apply", () => {
    assert.deepStrictEqual(run.createdLate, []);
  });
});
