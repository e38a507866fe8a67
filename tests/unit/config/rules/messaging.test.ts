import * as assert from "assert";
import { assertIssue, issuesFor, load } from "../../helpers";

describe("config/rules/messaging", () => {
  it("needs a sender and an SES identity for DEVELOPER email", () => {
    const issues = issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER" } } });
    assertIssue(issues, "messaging.email.fromEmailAddress", "required with emailSendingAccount DEVELOPER");
    assertIssue(issues, "messaging.email.sourceArn", "sourceArn");
  });
  it("accepts an existing identity by ARN or one the stack creates, not both", () => {
    const arn = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
    assert.ok(load("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "a@example.com", sourceArn: arn } } }));
    assertIssue(issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "a@example.com", sourceArn: arn, identity: "example.com" } } }),
      "messaging.email.identity", "not both");
  });
  it("rejects an ARN that is not an SES identity", () => {
    assertIssue(issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "a@example.com", sourceArn: "arn:aws:sns:us-east-1:123456789012:topic" } } }),
      "messaging.email.sourceArn", "SES identity ARN");
  });
  it("requires the sender's domain to be the identity's domain", () => {
    assertIssue(issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "Team <a@other.com>", identity: "example.com" } } }),
      "messaging.email.identity", "(other.com)");
  });
  it("rejects a malformed sender", () => {
    assertIssue(issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "not an address", identity: "example.com" } } }),
      "messaging.email.fromEmailAddress", "must be an email address");
  });
  it("flags SES settings that Cognito's default sender would ignore", () => {
    assertIssue(issuesFor("dev", { messaging: { email: { replyToEmailAddress: "help@example.com" } } }), "messaging.email.replyToEmailAddress", "only used with emailSendingAccount DEVELOPER");
  });
  it("checks the SNS region name", () => {
    assertIssue(issuesFor("dev", { messaging: { sms: { snsRegion: "moon-1" } } }), "messaging.sms.snsRegion", "AWS region");
    assert.strictEqual(load("dev", { messaging: { sms: { snsRegion: "eu-west-1" } } }).config.messaging.sms.snsRegion, "eu-west-1");
  });
});
