import * as assert from "node:assert";
import {
  topicCommand,
  topicName,
  topicPolicyCommand,
  topicSubscriptionCommand,
} from "../../../../emulator/backend/sns";

describe("emulator/backend/sns", () => {
  it("maps the encrypted topic with its tags", () => {
    assert.deepStrictEqual(
      topicCommand({ kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k", tags: { team: "auth" } }, "auth-alarms"),
      {
        Name: "auth-alarms",
        Attributes: { KmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k" },
        Tags: [{ Key: "team", Value: "auth" }],
      },
    );
    assert.deepStrictEqual(topicCommand({}, "t"), { Name: "t" });
    assert.strictEqual(topicName({}, "alarms", "abc"), "alarms-abc");
  });

  it("sets the topic policy and subscribes asking for the subscription's ARN", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    assert.deepStrictEqual(topicPolicyCommand({ arn: "arn:t", policy }), {
      TopicArn: "arn:t",
      AttributeName: "Policy",
      AttributeValue: policy,
    });
    assert.deepStrictEqual(topicSubscriptionCommand({ topic: "arn:t", protocol: "email", endpoint: "a@example.com" }), {
      TopicArn: "arn:t",
      Protocol: "email",
      Endpoint: "a@example.com",
      ReturnSubscriptionArn: true,
    });
  });
});
