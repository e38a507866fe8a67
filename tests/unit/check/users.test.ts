import * as assert from "node:assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { AWS_CAPABILITIES, EMULATOR_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import { deleteUser, listUsersByPrefix, staleCheckUsers, userEmail, userPrefix } from "../../../check/users";
import { EMULATOR_CREDENTIALS } from "../../../emulator/clients";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeAws, startFakeAws } from "../emulator/fake-aws";
import { startFakeCognito } from "./fake-cognito";

const DAY = 24 * 60 * 60 * 1000;

describe("check/users", () => {
  it("names emulator users @example.com and AWS users SES mailbox-simulator addresses, findable by run", () => {
    assert.strictEqual(userEmail(EMULATOR_CAPABILITIES, "ab12cd", 7), "login-check+ab12cd-7@example.com");
    assert.strictEqual(
      userEmail(AWS_CAPABILITIES, "ab12cd", 7),
      "success+login-check-ab12cd-7@simulator.amazonses.com",
    );
    for (const caps of [EMULATOR_CAPABILITIES, AWS_CAPABILITIES]) {
      assert.ok(userEmail(caps, "ab12cd", 7).startsWith(userPrefix(caps, "ab12cd")));
      assert.ok(
        !userEmail(caps, "ab12cde", 7).startsWith(userPrefix(caps, "ab12cd")),
        "another run's users do not match",
      );
    }
  });

  describe("with scripted answers", () => {
    let fake: FakeAws;
    before(async () => {
      fake = await startFakeAws({
        AdminDeleteUser: (p) =>
          p.Username === "gone@example.com"
            ? { __type: "UserNotFoundException", message: "User does not exist." }
            : p.Username === "locked@example.com"
              ? { __type: "NotAuthorizedException", message: "no" }
              : {},
        ListUsers: (p) =>
          p.PaginationToken
            ? { Users: [{ Username: "u2" }] }
            : { Users: [{ Username: "u1" }], PaginationToken: "next" },
      });
    });
    after(() => fake.close());
    beforeEach(() => fake.calls.splice(0));

    const target = (): Target => ({
      kind: "emulator",
      label: "t",
      caps: EMULATOR_CAPABILITIES,
      retries: { count: 0 },
      send: makeSend(2000, { count: 0 }),
      outputs: { userPoolId: "us-east-1_x", region: "us-east-1" } as StackOutputs,
      idp: new CognitoIdentityProviderClient({
        region: "us-east-1",
        endpoint: fake.endpoint,
        credentials: EMULATOR_CREDENTIALS,
        maxAttempts: 1,
      }),
    });

    it("deletes a user, treats an already missing one as deleted, and reports any other refusal", async () => {
      await deleteUser(target(), "login-check+x-1@example.com");
      await deleteUser(target(), "gone@example.com");
      await assert.rejects(deleteUser(target(), "locked@example.com"), /no/);
      assert.deepStrictEqual(
        fake.calls.map((c) => [c.action, c.params.UserPoolId, c.params.Username]),
        [
          ["AdminDeleteUser", "us-east-1_x", "login-check+x-1@example.com"],
          ["AdminDeleteUser", "us-east-1_x", "gone@example.com"],
          ["AdminDeleteUser", "us-east-1_x", "locked@example.com"],
        ],
      );
    });

    it("lists every page of users with the email prefix filter", async () => {
      const users = await listUsersByPrefix(target(), "login-check+r1-");
      assert.deepStrictEqual(
        users.map((u) => u.Username),
        ["u1", "u2"],
      );
      assert.deepStrictEqual(
        fake.calls.map((c) => [c.params.Filter, c.params.PaginationToken]),
        [
          ['email ^= "login-check+r1-"', undefined],
          ['email ^= "login-check+r1-"', "next"],
        ],
      );
    });
  });

  it("finds check users of any run older than a day, under today's and the old naming, and nobody else", async () => {
    const fc = await startFakeCognito();
    try {
      const now = Date.now();
      const old = new Date(now - 2 * DAY);
      fc.addUser("login-check+aaaaaa-1@example.com", { created: old });
      fc.addUser("success+login-check-bbbbbb-2@simulator.amazonses.com", { created: old });
      fc.addUser("success+login-check-cccccc-3@simulator.amazonses.com", { created: new Date(now - DAY + 60_000) });
      fc.addUser("someone@example.com", { created: old });
      const stale = await staleCheckUsers(fc.target, now);
      const emails = stale.map((u) => u.Attributes?.find((a) => a.Name === "email")?.Value).sort();
      assert.deepStrictEqual(emails, [
        "login-check+aaaaaa-1@example.com",
        "success+login-check-bbbbbb-2@simulator.amazonses.com",
      ]);
    } finally {
      await fc.close();
    }
  });
});
