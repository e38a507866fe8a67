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

export interface ServiceGrant {
  sid: string;
  /** The service principal, e.g. `cloudwatch.amazonaws.com`. */
  service: string;
  actions: string | string[];
  resource: pulumi.Input<string>;
  /** The account the service may act for (`aws:SourceAccount`). */
  account: pulumi.Input<string>;
  /** The resources it may act for (`aws:SourceArn`, ARN pattern). @default any of the account's */
  sourceArn?: pulumi.Input<string>;
}

/**
 * A resource-policy statement letting one AWS service act, and only on behalf of this account (and
 * of the resources `sourceArn` matches): the confused-deputy conditions AWS documents for service
 * principals.
 */
export function serviceGrant(g: ServiceGrant) {
  return {
    Sid: g.sid,
    Effect: "Allow",
    Principal: { Service: g.service },
    Action: g.actions,
    Resource: g.resource,
    Condition: {
      StringEquals: { "aws:SourceAccount": g.account },
      ...(g.sourceArn === undefined ? {} : { ArnLike: { "aws:SourceArn": g.sourceArn } }),
    },
  };
}
