import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { smsPublishPolicy, smsRoleTrustPolicy } from "../../../components/sms-role-policies";

function resolved<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("components/sms-role-policies", () => {
  it("trusts Cognito only with the external id, this account and this region's pools", async () => {
    const doc = JSON.parse(
      await resolved(
        smsRoleTrustPolicy({ externalId: "ext-1", account: "111122223333", partition: "aws", region: "eu-west-1" }),
      ),
    );
    assert.deepEqual(doc.Statement, [
      {
        Effect: "Allow",
        Principal: { Service: "cognito-idp.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "sts:ExternalId": "ext-1", "aws:SourceAccount": "111122223333" },
          ArnLike: { "aws:SourceArn": "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/*" },
        },
      },
    ]);
  });

  it("allows SMS publishing and denies every topic in the partition", async () => {
    const doc = JSON.parse(await resolved(smsPublishPolicy("aws-cn")));
    assert.deepEqual(doc.Statement, [
      { Sid: "PublishSms", Effect: "Allow", Action: "sns:Publish", Resource: "*" },
      { Sid: "NoTopics", Effect: "Deny", Action: "sns:Publish", Resource: "arn:aws-cn:sns:*:*:*" },
    ]);
  });
});
