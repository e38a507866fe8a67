import * as aws from "@pulumi/aws";
import type * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import type { ReplicationModel } from "../../config/model";
import { applyTransform, type Transform } from "../transform";
import { awsNative } from "./aws-native";
import { UserPoolKeyConfiguration, type UserPoolKeyConfigurationArgs } from "./key-configuration";
import { ReplicationKey, type ReplicationKeyArgs } from "./kms-key";
import { type ReplicaArgs, UserPoolReplicaRegion } from "./replica";

export interface ReplicationArgs {
  /** `replication` from the model. */
  replication: ReplicationModel;
  /** The pool's (primary) region. */
  region: string;
  /** The pool to replicate. */
  userPool: aws.cognito.UserPool;
  /** Keep the key (protect + retainOnDelete) and protect the replicas, as the pool is kept. @default false */
  protect?: boolean;
  /** Tags for every taggable child. @default none */
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    primaryProvider?: Transform<awsnative.ProviderArgs>;
    key?: ReplicationKeyArgs["transform"];
    keyConfiguration?: Transform<UserPoolKeyConfigurationArgs>;
    /** Applied in every replica region; resource names end with the region. */
    replica?: ReplicaArgs["transform"];
  };
}

/**
 * Cognito multi-Region replication of the pool: the multi-Region key (created, or an existing one),
 * the pool's key and issuer configuration, and per replica region the replica and its regional
 * configuration. Order matters on AWS and is encoded as dependencies: key (and replica keys), then
 * the pool's key configuration, then the replica, then its regional configuration.
 */
export class Replication extends pulumi.ComponentResource {
  readonly key?: ReplicationKey;
  readonly keyConfiguration: UserPoolKeyConfiguration;
  readonly primaryProvider: awsnative.Provider;
  /** By region. */
  readonly replicas: Record<string, UserPoolReplicaRegion> = {};
  readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: ReplicationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:replication:Replication", name, {}, opts);
    const r = args.replication;
    const t = args.transform ?? {};
    const regions = r.replicas.map((x) => x.region);
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const partition = aws.getPartitionOutput({}, { parent: this }).partition;

    if ("create" in r.kmsKey) {
      this.key = new ReplicationKey(
        `${name}-kms`,
        { regions, protect: args.protect, tags: args.tags, transform: t.key },
        { parent: this },
      );
      this.kmsKeyArn = this.key.arn;
    } else {
      this.kmsKeyArn = pulumi.output(r.kmsKey.arn);
    }

    this.keyConfiguration = new UserPoolKeyConfiguration(
      `${name}-key-configuration`,
      {
        userPoolId: args.userPool.id,
        region: args.region,
        kmsKeyArn: this.kmsKeyArn,
        issuer: r.issuer,
        poolLastModified: args.userPool.lastModifiedDate,
      },
      // The replica keys must exist first: Cognito checks the key is available in every replica region.
      { parent: this, dependsOn: this.key ? Object.values(this.key.replicaKeys) : [] },
      t.keyConfiguration,
    );

    this.primaryProvider = new (awsNative().Provider)(
      ...applyTransform(
        t.primaryProvider,
        `${name}-aws-native`,
        { region: args.region as awsnative.Region },
        { parent: this },
      ),
    );
    for (const replica of r.replicas) {
      this.replicas[replica.region] = new UserPoolReplicaRegion(
        `${name}-${replica.region}`,
        {
          replica,
          userPoolId: args.userPool.id,
          account,
          partition,
          primaryProvider: this.primaryProvider,
          dependsOn: [this.keyConfiguration],
          protect: args.protect,
          tags: args.tags,
          transform: t.replica,
        },
        { parent: this },
      );
    }
    this.registerOutputs({ kmsKeyArn: this.kmsKeyArn, regions });
  }
}
