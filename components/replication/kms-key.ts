import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountAdministersKey, serviceGrant } from "../policy-statements";
import { applyTransform, type Transform } from "../transform";

export interface ReplicationKeyArgs {
  /** Regions that get a replica key, the pool's replica regions. */
  regions: string[];
  /** Keep the key and its replicas (Pulumi `protect` + `retainOnDelete`): a deleted key makes the pool unreadable. @default false */
  protect?: boolean;
  /** Tags for the keys. @default none */
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    key?: Transform<aws.kms.KeyArgs>;
    /** Applied to each region's replica key; the resource name ends with the region. */
    replicaKey?: Transform<aws.kms.ReplicaKeyArgs>;
  };
}

/**
 * The key policy of the primary and of every replica (KMS never shares key policies between
 * replicas). The account statement is KMS's default policy, without which IAM could not manage the
 * key and a mistake would lock everyone out of the pool's data. Cognito may use the key only on
 * behalf of this account's user pools (`aws:SourceAccount` and `aws:SourceArn`, the confused-deputy
 * conditions AWS documents for service principals). No `kms:EncryptionContext` condition: the
 * context Cognito sends is not documented in a form this program can pin, and a wrong one would
 * break every sign-in (README, "Not verified here").
 */
export function cognitoKeyPolicy(
  account: pulumi.Input<string>,
  partition: pulumi.Input<string>,
): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      accountAdministersKey(account, partition),
      serviceGrant({
        sid: "CognitoUserPoolsEncrypt",
        service: "cognito-idp.amazonaws.com",
        actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"],
        resource: "*",
        account,
        sourceArn: pulumi.interpolate`arn:${partition}:cognito-idp:*:${account}:userpool/*`,
      }),
    ],
  });
}

/**
 * The customer-managed multi-Region key Cognito requires before it replicates a pool, and one
 * replica key per replica region (same key id and material, so data encrypted in one region
 * decrypts in the other without a cross-region call). Each replica key is created in its region
 * through the resource's own `region` argument (@pulumi/aws 7), so no extra provider is needed.
 */
export class ReplicationKey extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;
  /** By region. */
  readonly replicaKeys: Record<string, aws.kms.ReplicaKey> = {};
  /** The primary key's ARN, for the pool's key configuration. */
  readonly arn: pulumi.Output<string>;

  constructor(name: string, args: ReplicationKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:replication:ReplicationKey", name, {}, opts);
    const t = args.transform ?? {};
    const child: pulumi.CustomResourceOptions = args.protect
      ? { parent: this, protect: true, retainOnDelete: true }
      : { parent: this };
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;
    const policy = cognitoKeyPolicy(account, partition);

    this.key = new aws.kms.Key(
      ...applyTransform(
        t.key,
        `${name}-key`,
        {
          description: "Encrypts the Cognito user pool and its replicas (multi-Region replication)",
          multiRegion: true,
          enableKeyRotation: true,
          // The longest window: a scheduled deletion can still be cancelled before the pool's data is lost.
          deletionWindowInDays: 30,
          policy,
          tags: args.tags,
        },
        { ...child },
      ),
    );
    this.arn = this.key.arn;
    for (const region of args.regions) {
      this.replicaKeys[region] = new aws.kms.ReplicaKey(
        ...applyTransform(
          t.replicaKey,
          `${name}-key-${region}`,
          {
            region,
            primaryKeyArn: this.key.arn,
            description: `Replica in ${region} of the Cognito user pool key`,
            deletionWindowInDays: 30,
            policy,
            tags: args.tags,
          },
          { ...child },
        ),
      );
    }
    this.registerOutputs({ arn: this.arn });
  }
}
