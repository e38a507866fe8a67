import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DomainConfig } from "../config/schema/domain";
import { Transform } from "./transform";

export interface CognitoUserPoolDomainArgs {
  domain: DomainConfig;
  userPoolId: pulumi.Input<string>;
  stack: string;
  region: string;
  transform?: { domain?: Transform<aws.cognito.UserPoolDomainArgs> };
}

/** TODO(issue 3): hosted-UI domain (prefix with random suffix, or custom domain with ACM). */
export class CognitoUserPoolDomain extends pulumi.ComponentResource {
  /** `https://<prefix>.auth.<region>.amazoncognito.com` or `https://<custom domain>`. */
  readonly baseUrl: pulumi.Output<string>;

  constructor(name: string, args: CognitoUserPoolDomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoUserPoolDomain", name, {}, opts);
    this.baseUrl = pulumi.output(`https://cognito-auth-${args.stack}.auth.${args.region}.amazoncognito.com`);
    this.registerOutputs({ baseUrl: this.baseUrl });
  }
}
