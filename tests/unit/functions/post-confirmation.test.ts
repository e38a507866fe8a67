import * as assert from "node:assert";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { PostConfirmationTriggerEvent } from "aws-lambda";
import { postConfirmation, settingsFromEnv } from "../../../functions/post-confirmation";
import { recordingCognito, recordingMailer } from "./fake-clients";
import { fixtureEvent } from "./fixtures";

const GROUPS = { "example.com": "Administrators", "*": "Customers" };
const WELCOME = { from: "Example <no-reply@example.com>", subject: "Welcome", text: "Hello {name}" };

function setup(welcome = true) {
  const cognito = recordingCognito();
  const mailer = recordingMailer();
  const run = postConfirmation(
    { groupsByDomain: GROUPS, welcome: welcome ? WELCOME : undefined },
    { cognito: cognito as unknown as CognitoIdentityProviderClient, mailer },
  );
  return { cognito, mailer, run };
}

describe("functions/post-confirmation", () => {
  it("adds the user to its domain's group in the event's pool and sends the welcome", async () => {
    const { cognito, mailer, run } = setup();
    await run(fixtureEvent<PostConfirmationTriggerEvent>("post-confirmation"));
    assert.deepStrictEqual(cognito.calls, [
      {
        name: "AdminAddUserToGroupCommand",
        input: {
          UserPoolId: "us-east-1_EXAMPLE",
          Username: "2f1b1e0c-8a27-4d3c-9b61-5d3b8c0e6f11",
          GroupName: "Administrators",
        },
      },
    ]);
    assert.deepStrictEqual(mailer.sent, [
      { from: WELCOME.from, sourceArn: undefined, to: "new.user@example.com", subject: "Welcome", text: "Hello Nora" },
    ]);
  });

  it("gives an unverified email only the * group, never its domain's", async () => {
    const { cognito, run } = setup(false);
    const e = fixtureEvent<PostConfirmationTriggerEvent>("post-confirmation");
    e.request.userAttributes.email_verified = "false";
    await run(e);
    assert.deepStrictEqual(
      cognito.calls.map((c) => (c.input as { GroupName: string }).GroupName),
      ["Customers"],
    );
    const none = postConfirmation(
      { groupsByDomain: { "example.com": "Administrators" } },
      { cognito: cognito as unknown as CognitoIdentityProviderClient, mailer: recordingMailer() },
    );
    delete e.request.userAttributes.email_verified;
    await none(e);
    assert.strictEqual(cognito.calls.length, 1, "no group without a verified email and no * entry");
  });

  it("does nothing on a forgotten-password confirmation", async () => {
    const { cognito, mailer, run } = setup();
    const e = fixtureEvent<PostConfirmationTriggerEvent>("post-confirmation");
    e.triggerSource = "PostConfirmation_ConfirmForgotPassword";
    await run(e);
    assert.deepStrictEqual([cognito.calls.length, mailer.sent.length], [0, 0]);
  });

  it("sends no email without a welcome setting", async () => {
    const { cognito, mailer, run } = setup(false);
    await run(fixtureEvent<PostConfirmationTriggerEvent>("post-confirmation"));
    assert.deepStrictEqual([cognito.calls.length, mailer.sent.length], [1, 0]);
  });

  it("reads its settings from the environment", () => {
    assert.deepStrictEqual(
      settingsFromEnv({ GROUPS_BY_DOMAIN: JSON.stringify(GROUPS), WELCOME_EMAIL: JSON.stringify(WELCOME) }),
      { groupsByDomain: GROUPS, welcome: WELCOME },
    );
    assert.deepStrictEqual(settingsFromEnv({}), { groupsByDomain: {}, welcome: undefined });
  });
});
