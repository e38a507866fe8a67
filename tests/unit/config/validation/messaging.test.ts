import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const ZONE = "Z0123456789ABCDEFGHIJ";

describe("config/validation/messaging", () => {
  it("needs a sender and an SES identity for DEVELOPER email", () => {
    const issues = issuesFor("dev", { messaging: { email: { emailSendingAccount: "DEVELOPER" } } });
    assertIssue(issues, "messaging.email.fromEmailAddress", "required with emailSendingAccount DEVELOPER");
    assertIssue(issues, "messaging.email.sourceArn", "sourceArn");
  });
  it("accepts an existing identity by ARN or one the stack creates, not both", () => {
    const arn = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
    assert.ok(
      load("dev", {
        messaging: { email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "a@example.com", sourceArn: arn } },
      }),
    );
    const created = load("dev", {
      messaging: {
        email: {
          emailSendingAccount: "DEVELOPER",
          fromEmailAddress: "a@example.com",
          identity: "example.com",
          hostedZoneId: ZONE,
        },
      },
    });
    assert.strictEqual(created.messaging.email.hostedZoneId, ZONE);
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example.com",
            sourceArn: arn,
            identity: "example.com",
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.identity",
      "not both",
    );
  });
  it("needs the Route 53 zone to verify a domain identity the stack creates", () => {
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "a@example.com", identity: "example.com" },
        },
      }),
      "messaging.email.hostedZoneId",
      "required with identity",
    );
  });
  it("refuses an email-address identity: it needs a click on a link, so it is verified outside the stack", () => {
    const issue = assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example.com",
            identity: "a@example.com",
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.identity",
      "click on the link",
    );
    assert.match(issue.rule, /verify the address outside the stack .* set sourceArn/);
  });
  it("refuses a zone with no identity, a malformed zone id and a malformed domain", () => {
    const arn = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example.com",
            sourceArn: arn,
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.hostedZoneId",
      "only used with identity",
    );
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example.com",
            identity: "example.com",
            hostedZoneId: "example.com",
          },
        },
      }),
      "messaging.email.hostedZoneId",
      "Route 53 hosted zone id",
    );
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example",
            identity: "example",
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.identity",
      "must be a domain name",
    );
  });
  it("rejects an ARN that is not an SES identity", () => {
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "a@example.com",
            sourceArn: "arn:aws:sns:us-east-1:123456789012:topic",
          },
        },
      }),
      "messaging.email.sourceArn",
      "SES identity ARN",
    );
  });
  it("requires the sender's domain to be the identity's domain", () => {
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "Team <a@other.com>",
            identity: "example.com",
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.identity",
      "(other.com)",
    );
  });
  it("rejects a malformed sender", () => {
    assertIssue(
      issuesFor("dev", {
        messaging: {
          email: {
            emailSendingAccount: "DEVELOPER",
            fromEmailAddress: "not an address",
            identity: "example.com",
            hostedZoneId: ZONE,
          },
        },
      }),
      "messaging.email.fromEmailAddress",
      "must be an email address",
    );
  });
  it("flags SES settings that Cognito's default sender would ignore", () => {
    assertIssue(
      issuesFor("dev", { messaging: { email: { replyToEmailAddress: "help@example.com" } } }),
      "messaging.email.replyToEmailAddress",
      "only used with emailSendingAccount DEVELOPER",
    );
    assertIssue(
      issuesFor("dev", { messaging: { email: { hostedZoneId: ZONE } } }),
      "messaging.email.hostedZoneId",
      "only used with emailSendingAccount DEVELOPER",
    );
  });
  it("checks the SNS region name", () => {
    assertIssue(
      issuesFor("dev", { messaging: { sms: { snsRegion: "moon-1" } } }),
      "messaging.sms.snsRegion",
      "AWS region",
    );
    assert.strictEqual(
      load("dev", { messaging: { sms: { snsRegion: "eu-west-1" } } }).messaging.sms.snsRegion,
      "eu-west-1",
    );
  });
});
