import * as pulumi from "@pulumi/pulumi";

/**
 * KMS's default key-policy statement: the account administers the key. Without it no IAM policy
 * could grant use of the key, and a key whose policy locks the account out cannot be recovered.
 */
export function accountAdministersKey(account: pulumi.Input<string>, partition: pulumi.Input<string>) {
  return {
    Sid: "AccountAdministersKey",
    Effect: "Allow",
    Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` },
    Action: "kms:*",
    Resource: "*",
  };
}
