import * as assert from "node:assert";
import { apiAttributeName, userCommands } from "../../../../emulator/backend/users";

describe("emulator/backend/users", () => {
  it("maps a seed user: suppressed invitation, temporary password, custom attributes prefixed like the provider does", () => {
    const c = userCommands({
      userPoolId: "us-east-1_abc",
      username: "admin@example.com",
      attributes: { email: "admin@example.com", email_verified: "true", given_name: "Ada", customer_tier: "internal" },
      messageAction: "SUPPRESS",
      temporaryPassword: "Aa2!5f83f2777768",
    });
    assert.deepStrictEqual(c.create, {
      UserPoolId: "us-east-1_abc",
      Username: "admin@example.com",
      UserAttributes: [
        { Name: "email", Value: "admin@example.com" },
        { Name: "email_verified", Value: "true" },
        { Name: "given_name", Value: "Ada" },
        { Name: "custom:customer_tier", Value: "internal" },
      ],
      TemporaryPassword: "Aa2!5f83f2777768",
      MessageAction: "SUPPRESS",
    });
    assert.strictEqual(c.setPassword, undefined);
    assert.strictEqual(c.disable, undefined);
  });

  it("sets a permanent password and disables the user when asked", () => {
    const c = userCommands({
      userPoolId: "p",
      username: "u",
      password: "Perm4nent!pass",
      enabled: false,
      desiredDeliveryMediums: ["EMAIL"],
    });
    assert.deepStrictEqual(c.setPassword, {
      UserPoolId: "p",
      Username: "u",
      Password: "Perm4nent!pass",
      Permanent: true,
    });
    assert.deepStrictEqual(c.disable, { UserPoolId: "p", Username: "u" });
    assert.deepStrictEqual(c.create.DesiredDeliveryMediums, ["EMAIL"]);
  });

  it("leaves standard and already-prefixed names alone", () => {
    assert.strictEqual(apiAttributeName("phone_number_verified"), "phone_number_verified");
    assert.strictEqual(apiAttributeName("custom:tier"), "custom:tier");
    assert.strictEqual(apiAttributeName("tier"), "custom:tier");
  });

  it("refuses an unknown message action", () => {
    assert.throws(
      () => userCommands({ userPoolId: "p", username: "u", messageAction: "SHOUT" }),
      /messageAction: "SHOUT"/,
    );
  });
});
