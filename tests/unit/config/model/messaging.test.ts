import * as assert from "node:assert";
import { parseSender, senderAddress } from "../../../../config/model/messaging";
import { load } from "../../helpers";

describe("config/model/messaging", () => {
  it("reads the bare address out of a sender", () => {
    assert.strictEqual(senderAddress("Example Auth <no-reply@auth.example.com>"), "no-reply@auth.example.com");
    assert.strictEqual(senderAddress(" no-reply@auth.example.com "), "no-reply@auth.example.com");
    assert.strictEqual(senderAddress("not an address"), undefined);
    assert.deepStrictEqual(parseSender("A <x@b.example.com>"), { local: "x", domain: "b.example.com" });
  });

  it("resolves the sender's bare address and the SNS region once", () => {
    const ses = load("dev", {
      messaging: {
        email: {
          emailSendingAccount: "DEVELOPER",
          fromEmailAddress: "Team <no-reply@auth.example.com>",
          identity: "auth.example.com",
          hostedZoneId: "Z0123456789ABCDEFGHIJ",
        },
      },
    });
    assert.strictEqual(ses.messaging.email.senderAddress, "no-reply@auth.example.com");
    assert.strictEqual(load("dev", {}).messaging.email.senderAddress, undefined, "Cognito's sender has none");
    assert.strictEqual(load("dev", {}).messaging.sms.snsRegion, "us-east-1", "the stack's region by default");
    assert.strictEqual(
      load("dev", { messaging: { sms: { enabled: true, snsRegion: "eu-west-1" } } }).messaging.sms.snsRegion,
      "eu-west-1",
    );
  });
});
