import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { accountAdministersKey } from "../../../components/kms-key-policy";
import { topicKeyPolicy } from "../../../components/monitoring";
import { cognitoKeyPolicy } from "../../../components/replication/kms-key";

function resolved<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("components/kms-key-policy", () => {
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
});
