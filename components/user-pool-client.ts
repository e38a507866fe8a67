import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClientConfig, ResourceServerConfig } from "../config/schema/clients";
import type { ResourceServers } from "./resource-server";
import { Transform } from "./transform";
import type { IdentityProviders } from "./user-pool-idps";

export interface CognitoUserPoolClientArgs {
  /** The client's config key. */
  key: string;
  /** The client's merged config (kind defaults + preset + stack). */
  client: ClientConfig;
  userPoolId: pulumi.Input<string>;
  resourceServers: ResourceServers;
  resourceServerConfig: Record<string, ResourceServerConfig>;
  identityProviders: IdentityProviders;
  /** Hosted-UI base URL, for login and logout URLs. */
  hostedUiBaseUrl?: pulumi.Output<string>;
  transform?: { client?: Transform<aws.cognito.UserPoolClientArgs> };
}

/** TODO(issue 3): one app client. */
export class CognitoUserPoolClient extends pulumi.ComponentResource {
  readonly client?: aws.cognito.UserPoolClient;

  constructor(name: string, args: CognitoUserPoolClientArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolClient", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
