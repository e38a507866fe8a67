import * as assert from "node:assert";
import {
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { GetSendQuotaCommand, SESClient, VerifyEmailIdentityCommand } from "@aws-sdk/client-ses";
import type { PostConfirmationTriggerEvent } from "aws-lambda";
import { emulatorClientConfig } from "../../emulator/clients";
import { type MotoServer, startMotoServer } from "../../emulator/moto-server";
import { postConfirmation } from "../../functions/post-confirmation";
import { sesMailer } from "../../functions/ses-client";
import { fixtureEvent } from "../unit/functions/fixtures";

/**
 * The post-confirmation handler's AWS calls against moto. moto never invokes Cognito triggers, so
 * the test sends the event Cognito would send after a sign-up is confirmed, then reads the group
 * membership and SES's sent count back from moto.
 */
describe("functions/post-confirmation against the emulator (moto)", function () {
  this.timeout(120_000);
  let moto: MotoServer;
  let idp: CognitoIdentityProviderClient;
  let ses: SESClient;
  const SENDER = "no-reply@dev.example.com";

  before(async () => {
    moto = await startMotoServer();
    const config = emulatorClientConfig({ endpoint: moto.endpoint });
    idp = new CognitoIdentityProviderClient(config);
    ses = new SESClient(config);
  });
  after(async () => {
    idp?.destroy();
    ses?.destroy();
    await moto?.stop();
  });

  async function poolWithUser(email: string) {
    const pool = await idp.send(new CreateUserPoolCommand({ PoolName: "fn-test", UsernameAttributes: ["email"] }));
    const poolId = pool.UserPool?.Id ?? assert.fail("moto returned no pool id");
    for (const g of ["Administrators", "Customers"])
      await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: g }));
    const user = await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: email,
        UserAttributes: [{ Name: "email", Value: email }],
        MessageAction: "SUPPRESS",
      }),
    );
    const username = user.User?.Username ?? assert.fail("moto returned no username");
    const event = fixtureEvent<PostConfirmationTriggerEvent>("post-confirmation");
    event.userPoolId = poolId;
    event.userName = username;
    event.request.userAttributes.email = email;
    return { poolId, username, event };
  }

  const groupsOf = async (poolId: string, username: string) =>
    ((await idp.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: username }))).Groups ?? [])
      .map((g) => g.GroupName)
      .sort();

  const sentCount = async () => (await ses.send(new GetSendQuotaCommand({}))).SentLast24Hours ?? 0;

  it("adds the user to the group of its domain in the event's pool and sends the welcome through SES", async () => {
    await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: SENDER }));
    const { poolId, username, event } = await poolWithUser("nora@example.com");
    const before = await sentCount();
    const run = postConfirmation(
      {
        groupsByDomain: { "example.com": "Administrators", "*": "Customers" },
        welcome: { from: `Example Dev <${SENDER}>`, subject: "Welcome", text: "Hello {name}" },
      },
      { cognito: idp, mailer: sesMailer(ses) },
    );
    await run(event);
    assert.deepStrictEqual(await groupsOf(poolId, username), ["Administrators"]);
    assert.strictEqual((await sentCount()) - before, 1, "one email through moto's SES");
  });

  it("puts any other domain in the * group, and a look-alike domain is not the listed one", async () => {
    const { poolId, username, event } = await poolWithUser("eve@evil-example.com");
    const run = postConfirmation(
      { groupsByDomain: { "example.com": "Administrators", "*": "Customers" } },
      { cognito: idp, mailer: sesMailer(ses) },
    );
    await run(event);
    assert.deepStrictEqual(await groupsOf(poolId, username), ["Customers"]);
  });

  it("fails (so Cognito reports it) when SES refuses the sender: an unverified identity sends nothing", async () => {
    const { event } = await poolWithUser("carl@example.org");
    const before = await sentCount();
    const run = postConfirmation(
      {
        groupsByDomain: { "*": "Customers" },
        welcome: { from: "nobody@unverified.example.net", subject: "s", text: "t" },
      },
      { cognito: idp, mailer: sesMailer(ses) },
    );
    await assert.rejects(run(event), /not verified|MessageRejected/i);
    assert.strictEqual(await sentCount(), before);
  });
});
