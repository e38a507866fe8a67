import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityProviderConfig } from "../../config/schema/identity-providers";
import { Transform } from "../transform";

export interface IdentityProvidersArgs {
  /** `identityProviders` from the stack config; the key is the provider name. */
  providers: Record<string, IdentityProviderConfig>;
  userPoolId: pulumi.Input<string>;
  transform?: { identityProvider?: Transform<aws.cognito.IdentityProviderArgs> };
}

/** TODO(issue 3): federation (Google, Facebook, Apple, Amazon, SAML, OIDC). */
export class IdentityProviders extends pulumi.ComponentResource {
  /** By config key (= provider name). */
  readonly providers: Record<string, aws.cognito.IdentityProvider> = {};

  constructor(name: string, args: IdentityProvidersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:IdentityProviders", name, {}, opts);
    void args;
    this.registerOutputs({});
  }
}
