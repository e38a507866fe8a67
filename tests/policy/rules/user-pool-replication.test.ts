import * as assert from "node:assert";
import { REPLICATION_TYPES as R, userPoolReplication } from "../../../policy/rules/user-pool-replication";
import { goodPool, POOL_ID } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolations,
  checkStack,
  res,
  UNKNOWN,
  urn,
} from "../harness";

const MRK = "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
const PROD = { stackTags: { environment: "prod" } };

const pool = () => res(R.userPool, "pool", { ...goodPool(), id: POOL_ID });
const key = (multiRegion = true, arn = MRK) => res(R.kmsKey, "key", { multiRegion, arn });
const keyConfig = (kmsKeyArn: unknown = MRK, extra = {}) =>
  res(R.keyConfiguration, "kc", { userPoolId: POOL_ID, kmsKeyArn, issuer: "UPDATED" }, extra);
const replica = (regionName = "us-west-2", name = "replica") =>
  res(R.replica, name, { userPoolId: POOL_ID, regionName });
const regional = (replicaName = "replica", name = "regional") =>
  res(
    R.regionalConfiguration,
    name,
    { userPoolId: POOL_ID, status: "ACTIVE" },
    { dependencies: [urn(R.replica, replicaName)] },
  );
const complete = () => [pool(), key(), keyConfig(), replica(), regional()];

describe("policy cognito-user-pool-replication", () => {
  it("passes a prod pool with a multi-Region key and a regional configuration for its replica", async () =>
    assertPass(await checkStack(userPoolReplication, complete(), PROD)));

  it("passes an existing mrk- key given by ARN alone", async () =>
    assertPass(await checkStack(userPoolReplication, [pool(), keyConfig(), replica(), regional()], PROD)));

  it("fails a replicated prod pool left on the AWS-owned key", async () =>
    assertViolations(
      await checkStack(userPoolReplication, [pool(), replica(), regional()], PROD),
      1,
      "no key configuration",
    ));

  it("fails a single-Region key, by ARN and by the key resource", async () => {
    const single = "arn:aws:kms:us-east-1:123456789012:key/0123abcd-0000-4000-8000-0123456789ab";
    assertViolations(
      await checkStack(userPoolReplication, [pool(), keyConfig(single), replica(), regional()], PROD),
      1,
      "not a multi-Region (mrk-) key",
    );
    assertViolations(
      await checkStack(
        userPoolReplication,
        [pool(), key(false, single), keyConfig(single), replica(), regional()],
        PROD,
      ),
      1,
      "not multiRegion",
    );
  });

  it("fails a replica without a regional configuration", async () =>
    assertViolations(
      await checkStack(userPoolReplication, [pool(), key(), keyConfig(), replica()], PROD),
      1,
      "no regional configuration in us-west-2",
    ));

  it("does not count another replica's regional configuration", async () =>
    assertViolations(
      await checkStack(
        userPoolReplication,
        [pool(), key(), keyConfig(), replica("us-west-2", "west"), replica("eu-west-1", "eu"), regional("west")],
        PROD,
      ),
      1,
      "eu-west-1",
    ));

  it("accepts an aws-native pool with a customer-managed multi-Region key, and fails an AWS-owned one", async () => {
    const native = (keyType: string) =>
      res(R.nativeUserPool, "pool", { id: POOL_ID, keyConfiguration: { keyType, kmsKeyArn: MRK } });
    assertPass(await checkStack(userPoolReplication, [native("CUSTOMER_MANAGED_KEY"), replica(), regional()], PROD));
    assertViolations(
      await checkStack(userPoolReplication, [native("AWS_OWNED_KEY"), replica(), regional()], PROD),
      1,
      "not CUSTOMER_MANAGED_KEY",
    );
  });

  it("links the key configuration to its key through property dependencies during preview", async () => {
    const unknownKey = res(R.kmsKey, "key", { multiRegion: true, arn: UNKNOWN.string });
    const kc = keyConfig(UNKNOWN.string, { propertyDependencies: { kmsKeyArn: [urn(R.kmsKey, "key")] } });
    assertPass(await checkStack(userPoolReplication, [pool(), unknownKey, kc, replica(), regional()], PROD));
  });

  it("cannot decide while the key is unknown and nothing links it", async () => {
    const unknownKey = res(R.kmsKey, "key", { multiRegion: true, arn: UNKNOWN.string });
    assertUnknown(
      await checkStack(
        userPoolReplication,
        [pool(), unknownKey, keyConfig(UNKNOWN.string), replica(), regional()],
        PROD,
      ),
      "kmsKeyArn",
    );
  });

  it("is not applicable outside production or without replicas", async () => {
    const devPool = res(R.userPool, "pool", { ...goodPool(), id: POOL_ID, tags: { environment: "dev" } });
    assertNotApplicable(await checkStack(userPoolReplication, [devPool, replica()]), "not a production stack");
    assertNotApplicable(await checkStack(userPoolReplication, [pool()], PROD), "no user pool replica");
  });

  it("is advisory by default", () => assert.strictEqual(userPoolReplication.enforcementLevel, "advisory"));
});
