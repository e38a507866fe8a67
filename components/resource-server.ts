import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResourceServerConfig } from "../config/schema/clients";
import { Transform } from "./transform";

export interface ResourceServersArgs {
  /** `resourceServers` from the stack config, by key. */
  servers: Record<string, ResourceServerConfig>;
  userPoolId: pulumi.Input<string>;
  transform?: { resourceServer?: Transform<aws.cognito.ResourceServerArgs> };
}

/** TODO(issue 3): resource servers and their custom scopes. */
export class ResourceServers extends pulumi.ComponentResource {
  /** By config key. */
  readonly servers: Record<string, aws.cognito.ResourceServer> = {};

  constructor(name: string, args: ResourceServersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:ResourceServers", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
