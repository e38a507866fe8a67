import * as assert from "node:assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { Report, StepFailure } from "../../../check/report";
import { seedUserCheck } from "../../../check/seed-user";
import { Steps } from "../../../check/steps";
import type { FlowPlan } from "../../../check/subjects";
import { describePool, planFlow } from "../../../check/subjects";
import { AWS_CAPABILITIES, EMULATOR_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import { EMULATOR_CREDENTIALS } from "../../../emulator/clients";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeAws, startFakeAws } from "../emulator/fake-aws";
import { type Faults, fakeOutputs, startFakeCognito } from "./fake-cognito";

const PLAN: FlowPlan = {
  srpClient: {
    key: "web",
    clientId: "c1",
    kind: "web",
    generateSecret: false,
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
    allowedOauthFlows: [],
    allowedOauthScopes: [],
    callbackUrls: [],
    logoutUrls: [],
    preventUserExistenceErrors: "ENABLED",
    readAttributes: [],
  },
  tracksDevices: false,
  skipped: {},
};

describe("check/seed-user", () => {
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({
      AdminGetUser: { Username: "admin", Enabled: true },
      AdminListGroupsForUser: { Groups: [{ GroupName: "Customers" }] },
    });
  });
  after(() => fake.close());

  const target = (outputs: Partial<StackOutputs>): Target => ({
    kind: "aws",
    label: "aws (stack dev)",
    caps: AWS_CAPABILITIES,
    retries: { count: 0 },
    send: makeSend(5000, { count: 0 }),
    outputs: {
      userPoolId: "us-east-1_x",
      region: "us-east-1",
      stack: "dev",
      environment: "dev",
      seedUsers: {},
      ...outputs,
    } as StackOutputs,
    idp: new CognitoIdentityProviderClient({
      region: "us-east-1",
      endpoint: fake.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    }),
  });

  it("skips with the reason when the stack has no seed users (prod)", async () => {
    const lines: string[] = [];
    const report = new Report((l) => lines.push(l), true);
    await seedUserCheck(
      target({ stack: "prod", environment: "prod" }),
      PLAN,
      "run1",
      new Steps(report, "aws (stack prod)"),
    );
    assert.strictEqual(report.skipped, 1);
    assert.match(
      lines[0],
      /seed-user-new-password: stack prod has no seed users \(prod stacks never have seed users\)/,
    );
  });

  it("on a shared real stack only reads seed users, and stops when one misses a group", async () => {
    const report = new Report(() => undefined, false);
    const t = target({
      seedUsers: {
        "admin@example.com": { username: "admin@example.com", groups: ["Administrators"] },
      },
      seedUserPasswords: { "admin@example.com": "Tmp!passw0rd-xyz" },
    });
    await assert.rejects(
      seedUserCheck(t, PLAN, "run1", new Steps(report, t.label)),
      (e: unknown) =>
        e instanceof StepFailure &&
        e.step === "seed-users-present" &&
        /admin@example\.com is not in Administrators/.test(e.message),
    );
    assert.deepStrictEqual(
      fake.calls.map((c) => c.action),
      ["AdminGetUser", "AdminListGroupsForUser"],
    );
  });

  describe("against the fake Cognito", () => {
    const SEED = { username: "admin@example.com", groups: ["Administrators"] };
    const TEMPORARY = "Tmp!passw0rd-xyz";
    async function run(
      faults: Faults,
      onEmulator: boolean,
      seedUserPasswords: Record<string, string> = { [SEED.username]: TEMPORARY },
    ) {
      const fc = await startFakeCognito({
        faults,
        caps: onEmulator ? EMULATOR_CAPABILITIES : AWS_CAPABILITIES,
        outputs: fakeOutputs({ seedUsers: { [SEED.username]: SEED }, seedUserPasswords }),
      });
      fc.addUser(SEED.username, {
        password: TEMPORARY,
        status: "FORCE_CHANGE_PASSWORD",
        groups: SEED.groups,
      });
      const lines: string[] = [];
      const report = new Report((l) => lines.push(l), true);
      let failure: StepFailure | undefined;
      try {
        await seedUserCheck(
          fc.target,
          planFlow(fc.target.outputs, await describePool(fc.target)),
          "run1",
          new Steps(report, "t"),
        );
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        failure = e;
      } finally {
        await fc.close();
      }
      return { fc, lines, failure };
    }

    it("on the emulator answers NEW_PASSWORD_REQUIRED for the real seed user, then puts it back to FORCE_CHANGE_PASSWORD", async () => {
      const r = await run({}, true);
      assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
      assert.deepStrictEqual(r.fc.actions().slice(1), [
        "InitiateAuth",
        "RespondToAuthChallenge",
        "RespondToAuthChallenge",
        "AdminSetUserPassword",
        "AdminGetUser",
      ]);
      assert.deepStrictEqual(r.fc.params("AdminSetUserPassword")[0], {
        UserPoolId: "us-east-1_TestPool1",
        Username: SEED.username,
        Password: TEMPORARY,
        Permanent: false,
      });
      assert.strictEqual([...r.fc.users.values()][0].status, "FORCE_CHANGE_PASSWORD");
    });

    it("on the emulator signs the seed user in with its password from the secret output seedUserPasswords", async () => {
      const r = await run({}, true, { [SEED.username]: "Wrong!passw0rd-1" });
      assert.strictEqual(r.failure?.step, "seed-user-new-password", "the fake refuses any other password");
      assert.deepStrictEqual(r.fc.params("AdminSetUserPassword")[0]?.Password, "Wrong!passw0rd-1");
      await assert.rejects(
        run({}, true, {}),
        /seed user admin@example\.com has no password in the output seedUserPasswords/,
      );
    });

    it("fails the restore when the seed user is not made to change its password again", async () => {
      const r = await run({ restoreLeavesConfirmed: true }, true);
      assert.strictEqual(r.failure?.step, "seed-user-restore");
      assert.match(
        r.failure.detail,
        /after the restore seed user admin@example\.com is CONFIRMED, expected FORCE_CHANGE_PASSWORD/,
      );
    });

    it("on AWS leaves seed users alone and invites a throwaway mailbox-simulator user instead, then deletes it", async () => {
      const r = await run({}, false);
      assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
      assert.deepStrictEqual(
        r.fc.params("AdminCreateUser").map((p) => [p.Username, p.MessageAction]),
        [["success+login-check-run1-invited@simulator.amazonses.com", "SUPPRESS"]],
      );
      assert.deepStrictEqual(r.fc.params("AdminSetUserPassword"), []);
      assert.deepStrictEqual(
        [...r.fc.users.values()].map((u) => [u.email, u.status]),
        [[SEED.username, "FORCE_CHANGE_PASSWORD"]],
      );
    });
  });
});
