import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClientConfig } from "../config/schema/clients";
import type { IdentityPoolConfig } from "../config/schema/identity-pool";
import { Transform } from "./transform";
import type { CognitoUserPoolClient } from "./user-pool-client";

export interface CognitoIdentityPoolArgs {
  identityPool: IdentityPoolConfig;
  userPool: aws.cognito.UserPool;
  clients: Record<string, CognitoUserPoolClient>;
  clientConfig: Record<string, ClientConfig>;
  region: string;
  tags?: Record<string, string>;
  transform?: {
    identityPool?: Transform<aws.cognito.IdentityPoolArgs>;
    authenticatedRole?: Transform<aws.iam.RoleArgs>;
    unauthenticatedRole?: Transform<aws.iam.RoleArgs>;
  };
}

/** TODO(issue 3): identity pool with least-privilege roles. */
export class CognitoIdentityPool extends pulumi.ComponentResource {
  readonly identityPool!: aws.cognito.IdentityPool;

  constructor(name: string, args: CognitoIdentityPoolArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoIdentityPool", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
