import * as assert from "assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { StackOutputs } from "../../../../lib/stack-outputs";
import { EMULATOR_CREDENTIALS } from "../../../../emulator/clients";
import { deleteUser, userEmail, userPrefix } from "../../../integration/login-flow";
import { EMULATOR_CAPABILITIES, makeSend, Target } from "../../../integration/target";
import { FakeAws, startFakeAws } from "../../emulator/fake-aws";

describe("tests/integration/login-flow", () => {
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({
      AdminDeleteUser: (p) => (p.Username === "gone@example.com"
        ? { __type: "UserNotFoundException", message: "User does not exist." }
        : p.Username === "locked@example.com" ? { __type: "NotAuthorizedException", message: "no" } : {}),
    });
  });
  after(() => fake.close());

  const target = (): Target => ({
    kind: "emulator", label: "t", caps: EMULATOR_CAPABILITIES, retries: { count: 0 }, send: makeSend(2000, { count: 0 }),
    outputs: { userPoolId: "us-east-1_x", region: "us-east-1" } as StackOutputs,
    idp: new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: fake.endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 }),
  });

  it("names users so one run's users can be listed by prefix", () => {
    assert.strictEqual(userEmail("ab12cd", 7), "login-check+ab12cd-7@example.com");
    assert.ok(userEmail("ab12cd", 7).startsWith(userPrefix("ab12cd")));
    assert.ok(!userEmail("ab12cde", 7).startsWith(userPrefix("ab12cd")), "another run's users do not match");
  });

  it("deletes a user, treats an already missing one as deleted, and reports any other refusal", async () => {
    await deleteUser(target(), "login-check+x-1@example.com");
    await deleteUser(target(), "gone@example.com");
    await assert.rejects(deleteUser(target(), "locked@example.com"), /NotAuthorizedException|no/);
    assert.deepStrictEqual(fake.calls.map((c) => [c.action, c.params.UserPoolId, c.params.Username]), [
      ["AdminDeleteUser", "us-east-1_x", "login-check+x-1@example.com"],
      ["AdminDeleteUser", "us-east-1_x", "gone@example.com"],
      ["AdminDeleteUser", "us-east-1_x", "locked@example.com"],
    ]);
  });
});
