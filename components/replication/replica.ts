import type * as awsnative from "@pulumi/aws-native";
import * as pulumi from "@pulumi/pulumi";
import type { ReplicaModel } from "../../config/model";
import { applyTransform, type Transform } from "../transform";
import { awsNative } from "./aws-native";
import { type RegionalConfigurationTransforms, regionalConfiguration } from "./regional-configuration";

export interface ReplicaArgs {
  /** One entry of the model's `replication.replicas`. */
  replica: ReplicaModel;
  userPoolId: pulumi.Input<string>;
  account: pulumi.Input<string>;
  partition: pulumi.Input<string>;
  /**
   * aws-native provider of the pool's (primary) region: Cognito creates and deletes replicas
   * through the primary (CreateUserPoolReplica names the target region; DeleteUserPoolReplica must
   * be called in the primary region).
   */
  primaryProvider: awsnative.Provider;
  /** What the replica waits for: the key configuration and the replica keys. @default none */
  dependsOn?: pulumi.Input<pulumi.Resource>[];
  /** Pulumi `protect` on the replica and its regional configuration. @default false */
  protect?: boolean;
  /** Tags for the regional configuration and SMS role. @default none */
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    provider?: Transform<awsnative.ProviderArgs>;
    replica?: Transform<awsnative.cognito.UserPoolReplicaArgs>;
  } & RegionalConfigurationTransforms;
}

/** One replica region: its aws-native provider, the replica, and its regional configuration. */
export class UserPoolReplicaRegion extends pulumi.ComponentResource {
  readonly provider: awsnative.Provider;
  readonly replica: awsnative.cognito.UserPoolReplica;
  readonly regional: ReturnType<typeof regionalConfiguration>;

  constructor(name: string, args: ReplicaArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:replication:UserPoolReplicaRegion", name, {}, opts);
    const t = args.transform ?? {};
    const region = args.replica.region;
    const child: pulumi.CustomResourceOptions = { parent: this, protect: args.protect };

    this.provider = new (awsNative().Provider)(
      ...applyTransform(t.provider, `${name}-aws-native`, { region: region as awsnative.Region }, { parent: this }),
    );
    // No userPoolTagsAtCreate: it is replace-on-change, and replacing a replica means deactivating
    // and deleting it first. Tags go on the regional configuration instead.
    this.replica = new (awsNative().cognito.UserPoolReplica)(
      ...applyTransform(
        t.replica,
        `${name}-replica`,
        { userPoolId: args.userPoolId, regionName: region },
        { ...child, provider: args.primaryProvider, dependsOn: args.dependsOn },
      ),
    );
    this.regional = regionalConfiguration(name, {
      replica: args.replica,
      userPoolId: args.userPoolId,
      account: args.account,
      partition: args.partition,
      provider: this.provider,
      replicaResource: this.replica,
      opts: child,
      tags: args.tags,
      transform: t,
    });
    this.registerOutputs({ region, status: this.regional.attachment.status });
  }
}
