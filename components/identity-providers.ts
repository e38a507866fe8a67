import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityProviderModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";
import { amazonProvider } from "./user-pool-idps/amazon";
import { appleProvider } from "./user-pool-idps/apple";
import type { ProviderDetails } from "./user-pool-idps/base";
import { facebookProvider } from "./user-pool-idps/facebook";
import { googleProvider } from "./user-pool-idps/google";
import { oidcProvider } from "./user-pool-idps/oidc";
import { samlProvider } from "./user-pool-idps/saml";

export interface IdentityProvidersArgs {
  /** `identityProviders` from the model; the key is the provider name. @default {} (no federation) */
  providers: Record<string, IdentityProviderModel>;
  /** The pool the providers sign users into. */
  userPoolId: pulumi.Input<string>;
  /** Override any provider's args (e.g. extra `providerDetails`). @default none */
  transform?: { identityProvider?: Transform<aws.cognito.IdentityProviderArgs> };
}

/** The type-specific `providerDetails` of one provider (see the file per type under user-pool-idps/). */
export function providerDetails(c: IdentityProviderModel): ProviderDetails {
  switch (c.type) {
    case "google":
      return googleProvider(c);
    case "facebook":
      return facebookProvider(c);
    case "apple":
      return appleProvider(c);
    case "amazon":
      return amazonProvider(c);
    case "saml":
      return samlProvider(c);
    case "oidc":
      return oidcProvider(c);
  }
}

/**
 * Federation: one `aws.cognito.IdentityProvider` per `identityProviders` entry, named by its key
 * (validation holds social providers to Cognito's fixed names). App clients that list a provider
 * depend on its resource, because Cognito refuses a client naming a provider that does not exist yet.
 */
export class IdentityProviders extends pulumi.ComponentResource {
  /** By config key (= provider name). */
  readonly providers: Record<string, aws.cognito.IdentityProvider> = {};

  constructor(name: string, args: IdentityProvidersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:IdentityProviders", name, {}, opts);
    for (const [key, p] of Object.entries(args.providers)) {
      this.providers[key] = new aws.cognito.IdentityProvider(
        ...applyTransform(
          args.transform?.identityProvider,
          `${name}-${key}`,
          {
            userPoolId: args.userPoolId,
            providerName: p.name,
            providerType: p.providerType,
            providerDetails: providerDetails(p),
            attributeMapping: p.attributeMapping,
            idpIdentifiers: p.idpIdentifiers,
          },
          // The provider does not mark providerDetails sensitive; this keeps the secret in it secret in state.
          { parent: this, additionalSecretOutputs: ["providerDetails"] },
        ),
      );
    }
    this.registerOutputs({ providerNames: Object.values(this.providers).map((p) => p.providerName) });
  }
}
