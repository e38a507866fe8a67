import * as assert from "node:assert";
import { REPLICA_REFUSAL, replicaRegionCheck, replicaRegions } from "../../../check/replica-region";
import { Report } from "../../../check/report";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeCognito, fakeOutputs, ISSUER, startFakeCognito } from "./fake-cognito";

/** The fake's outputs with a us-west-2 replica whose issuer is the one the fake signs with. */
function replicatedOutputs(): StackOutputs {
  return fakeOutputs({
    replication: {
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef",
      regions: {
        "us-west-2": {
          region: "us-west-2",
          status: "ACTIVE",
          endpoint: "https://cognito-idp.us-west-2.amazonaws.com/",
          issuer: ISSUER,
          jwksUri: `${ISSUER}/.well-known/jwks.json`,
        },
      },
    },
  });
}

describe("check/replica-region", () => {
  const open: FakeCognito[] = [];
  const start = async (o: Parameters<typeof startFakeCognito>[0]) => {
    const f = await startFakeCognito(o);
    open.push(f);
    return f;
  };
  afterEach(async () => {
    for (const f of open.splice(0)) await f.close();
  });
  const run = async (primary: FakeCognito, replica: FakeCognito, region = "us-west-2") => {
    const lines: string[] = [];
    const report = new Report((l) => lines.push(l), true);
    await replicaRegionCheck(primary.target, replica.target, region, report, {
      pollMs: 1000,
      replicationWaitMs: 10_000,
    });
    return { report, lines };
  };

  it("signs in against the replica and sees sign-up and password reset refused with OperationNotEnabledException", async () => {
    const outputs = replicatedOutputs();
    const primary = await start({ outputs });
    const replica = await start({ outputs, secondaryOf: primary });
    const { report, lines } = await run(primary, replica);
    assert.deepStrictEqual(report.failures, [], lines.join("\n"));
    assert.strictEqual(report.passed, 5, lines.join("\n"));
    // Created and deleted in the primary; signed in and refused in the replica.
    assert.deepStrictEqual(primary.actions(), ["AdminCreateUser", "AdminSetUserPassword", "AdminDeleteUser"]);
    assert.deepStrictEqual(replica.actions(), ["InitiateAuth", "RespondToAuthChallenge", "SignUp", "ForgotPassword"]);
    assert.strictEqual(primary.users.size, 0, "the check's user is gone");
  });

  it("fails when the replica accepts a sign-up or a password reset, and still deletes its user", async () => {
    const outputs = replicatedOutputs();
    const primary = await start({ outputs });
    const replica = await start({ outputs, secondaryOf: primary, secondaryAcceptsWrites: true });
    const { report } = await run(primary, replica);
    assert.strictEqual(report.failed, 2);
    assert.match(
      report.failures[0],
      new RegExp(`replica-refuses-sign-up: .*expected ${REPLICA_REFUSAL}, but the call succeeded`),
    );
    assert.match(report.failures[1], /replica-refuses-password-reset/);
    // The sign-up the broken replica took made a second user; the check's own user is deleted.
    assert.ok([...primary.users.values()].every((u) => !u.email.includes("-replica@")));
  });

  it("fails the sign-in when the user never reaches the replica", async () => {
    const outputs = replicatedOutputs();
    const primary = await start({ outputs });
    const unreplicated = await start({ outputs, secondaryOf: await start({ outputs }) });
    const { report } = await run(primary, unreplicated);
    assert.strictEqual(report.failed, 1);
    assert.match(report.failures[0], /replica-sign-in: NotAuthorizedException/);
    assert.ok(
      unreplicated.actions().filter((a) => a === "InitiateAuth").length > 1,
      "retried while waiting for replication",
    );
  });

  it("refuses a region the stack has no replica in", async () => {
    const primary = await start({ outputs: replicatedOutputs() });
    assert.deepStrictEqual(replicaRegions(primary.target), ["us-west-2"]);
    const { report } = await run(primary, primary, "eu-west-1");
    assert.match(report.failures[0], /no replica in eu-west-1 \(its replica regions: us-west-2\)/);
    assert.deepStrictEqual(primary.actions(), []);
  });
});
