import * as assert from "assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { StackOutputs } from "../../../../lib/stack-outputs";
import { EMULATOR_CREDENTIALS } from "../../../../emulator/clients";
import { Report, StepFailure } from "../../../integration/report";
import { seedUserCheck } from "../../../integration/seed-user";
import { AWS_CAPABILITIES, makeSend, Target } from "../../../integration/target";
import { Steps } from "../../../integration/steps";
import type { FlowPlan } from "../../../integration/plan";
import { FakeAws, startFakeAws } from "../../emulator/fake-aws";

const PLAN: FlowPlan = { srpClient: { key: "web", clientId: "c1", kind: "web", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], allowedOauthFlows: [], allowedOauthScopes: [], callbackUrls: [], logoutUrls: [] } };

describe("tests/integration/seed-user", () => {
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({ AdminGetUser: { Username: "admin", Enabled: true }, AdminListGroupsForUser: { Groups: [{ GroupName: "Customers" }] } });
  });
  after(() => fake.close());

  const target = (outputs: Partial<StackOutputs>): Target => ({
    kind: "aws", label: "aws (stack dev)", caps: AWS_CAPABILITIES, retries: { count: 0 }, send: makeSend(5000, { count: 0 }),
    outputs: { userPoolId: "us-east-1_x", region: "us-east-1", stack: "dev", environment: "dev", seedUsers: {}, ...outputs } as StackOutputs,
    idp: new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: fake.endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 }),
  });

  it("skips with the reason when the stack has no seed users (prod)", async () => {
    const lines: string[] = [];
    const report = new Report((l) => lines.push(l), true);
    await seedUserCheck(target({ stack: "prod", environment: "prod" }), PLAN, "run1", new Steps(report, "aws (stack prod)"));
    assert.strictEqual(report.skipped, 1);
    assert.match(lines[0], /seed-user-new-password: stack prod has no seed users \(prod never has any\)/);
  });

  it("on a shared real stack only reads seed users, and stops when one misses a group", async () => {
    const report = new Report(() => undefined, false);
    const t = target({ seedUsers: { "admin@example.com": { username: "admin@example.com", temporaryPassword: "Tmp!passw0rd-xyz", groups: ["Administrators"] } } });
    await assert.rejects(seedUserCheck(t, PLAN, "run1", new Steps(report, t.label)), (e: unknown) =>
      e instanceof StepFailure && e.step === "seed-users-present" && /admin@example\.com is not in Administrators/.test(e.message));
    assert.deepStrictEqual(fake.calls.map((c) => c.action), ["AdminGetUser", "AdminListGroupsForUser"]);
  });
});
