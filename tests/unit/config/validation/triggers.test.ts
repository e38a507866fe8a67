import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const fn = (name: string, region = "us-east-1") => `arn:aws:lambda:${region}:123456789012:function:${name}`;

describe("config/validation/triggers", () => {
  it("accepts triggers in the pool's region", () => {
    assert.strictEqual(
      load("dev", { triggers: { preSignUp: fn("pre-sign-up") } }).triggers.preSignUp,
      fn("pre-sign-up"),
    );
  });
  it("rejects a function in another region", () => {
    assertIssue(
      issuesFor("dev", { triggers: { postConfirmation: fn("post", "eu-west-1") } }),
      "triggers.postConfirmation",
      "pool's region (us-east-1)",
    );
  });
  it("rejects something that is not a Lambda ARN", () => {
    assertIssue(
      issuesFor("dev", { triggers: { preSignUp: "my-function" } }),
      "triggers.preSignUp",
      "Lambda function ARN",
    );
  });
  it("needs a KMS key for custom senders", () => {
    assertIssue(
      issuesFor("dev", { triggers: { customEmailSender: fn("sender") } }),
      "triggers.kmsKeyId",
      "need a KMS key",
    );
  });
  it("ties the pre-token-generation version to its trigger and tier", () => {
    assertIssue(
      issuesFor("dev", { triggers: { preTokenGenerationVersion: "V2_0" } }),
      "triggers.preTokenGenerationVersion",
      "only with triggers.preTokenGeneration",
    );
    assertIssue(
      issuesFor("dev", {
        pool: { userPoolTier: "LITE", passwordPolicy: { passwordHistorySize: 0 } },
        triggers: { preTokenGeneration: fn("ptg"), preTokenGenerationVersion: "V2_0" },
      }),
      "triggers.preTokenGenerationVersion",
      "ESSENTIALS or PLUS",
    );
  });

  describe("custom authentication", () => {
    const challenge = {
      defineAuthChallenge: fn("define"),
      createAuthChallenge: fn("create"),
      verifyAuthChallengeResponse: fn("verify"),
    };
    const customClient = {
      clients: {
        web: {
          kind: "web",
          explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        },
      },
    };
    it("accepts the three challenge triggers with a client allowing ALLOW_CUSTOM_AUTH", () => {
      assert.strictEqual(
        load("dev", { triggers: challenge, ...customClient }).triggers.createAuthChallenge,
        fn("create"),
      );
    });
    it("needs all three challenge triggers", () => {
      const issues = issuesFor("dev", { triggers: { defineAuthChallenge: fn("define") }, ...customClient });
      assertIssue(issues, "triggers.createAuthChallenge", "all three challenge triggers");
      assertIssue(issues, "triggers.verifyAuthChallengeResponse", "all three challenge triggers");
    });
    it("needs a client that allows custom authentication", () => {
      assertIssue(issuesFor("dev", { triggers: challenge }), "triggers.defineAuthChallenge", "ALLOW_CUSTOM_AUTH");
    });
    it("refuses ALLOW_CUSTOM_AUTH without the challenge triggers", () => {
      assertIssue(issuesFor("dev", customClient), "clients.web.explicitAuthFlows", "challenge triggers");
    });
  });
});
