import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { deliveryPolicy } from "../../../components/auth-event-logs";
import { topicKeyPolicy, topicPolicy } from "../../../components/monitoring";
import { accountAdministersKey, serviceGrant } from "../../../components/policy-statements";
import { cognitoKeyPolicy } from "../../../components/replication/kms-key";

function resolved<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("components/policy-statements", () => {
  it("lets this account's root administer the key, in the given partition", async () => {
    const doc = JSON.parse(
      await resolved(pulumi.jsonStringify({ Statement: [accountAdministersKey("111122223333", "aws-us-gov")] })),
    );
    assert.deepEqual(doc.Statement, [
      {
        Sid: "AccountAdministersKey",
        Effect: "Allow",
        Principal: { AWS: "arn:aws-us-gov:iam::111122223333:root" },
        Action: "kms:*",
        Resource: "*",
      },
    ]);
  });

  it("opens both key policies that use it (the alarm topic's and replication's)", async () => {
    for (const policy of [topicKeyPolicy("111122223333", "aws"), cognitoKeyPolicy("111122223333", "aws")]) {
      const [first] = JSON.parse(await resolved(policy)).Statement;
      assert.deepEqual(first.Principal, { AWS: "arn:aws:iam::111122223333:root" });
      assert.equal(first.Sid, "AccountAdministersKey");
    }
  });

  it("grants a service only for this account, and for the source ARNs given", async () => {
    const doc = JSON.parse(
      await resolved(
        pulumi.jsonStringify({
          Statement: [
            serviceGrant({
              sid: "A",
              service: "s.amazonaws.com",
              actions: "x:Y",
              resource: "r",
              account: "111122223333",
            }),
            serviceGrant({
              sid: "B",
              service: "s.amazonaws.com",
              actions: ["x:Y", "x:Z"],
              resource: "r",
              account: "111122223333",
              sourceArn: "arn:aws:s:*:111122223333:thing/*",
            }),
          ],
        }),
      ),
    );
    assert.deepEqual(doc.Statement, [
      {
        Sid: "A",
        Effect: "Allow",
        Principal: { Service: "s.amazonaws.com" },
        Action: "x:Y",
        Resource: "r",
        Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
      },
      {
        Sid: "B",
        Effect: "Allow",
        Principal: { Service: "s.amazonaws.com" },
        Action: ["x:Y", "x:Z"],
        Resource: "r",
        Condition: {
          StringEquals: { "aws:SourceAccount": "111122223333" },
          ArnLike: { "aws:SourceArn": "arn:aws:s:*:111122223333:thing/*" },
        },
      },
    ]);
  });

  it("every service grant of the stack names its account, and the log delivery and topic grants their source ARNs", async () => {
    const grants = [
      deliveryPolicy("arn:aws:logs:eu-west-1:111122223333:log-group:g", "111122223333", "eu-west-1", "aws"),
      topicPolicy("arn:aws:sns:eu-west-1:111122223333:t", "111122223333", "eu-west-1", "aws"),
    ];
    const sources = [];
    for (const policy of grants) {
      const [grant] = JSON.parse(await resolved(policy)).Statement;
      assert.equal(grant.Condition.StringEquals["aws:SourceAccount"], "111122223333");
      sources.push(grant.Condition.ArnLike["aws:SourceArn"]);
    }
    assert.deepEqual(sources, [
      "arn:aws:logs:eu-west-1:111122223333:*",
      "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*",
    ]);
  });
});
