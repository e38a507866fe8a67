import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityProviderModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";
import { amazonProvider } from "./user-pool-idps/amazon";
import { APPLE_WRITE_ONLY_DETAILS, appleProvider } from "./user-pool-idps/apple";
import type { ProviderDetails } from "./user-pool-idps/base";
import { facebookProvider } from "./user-pool-idps/facebook";
import { googleProvider } from "./user-pool-idps/google";
import { oidcProvider } from "./user-pool-idps/oidc";
import { SAML_DERIVED_DETAILS, samlProvider } from "./user-pool-idps/saml";

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
 * The `providerDetails` keys whose changes are ignored (`ignoreChanges`), as property paths: the ones
 * Cognito never reports back (Apple's private key) or derives itself (SAML's metadata-derived keys).
 * Without them every refresh would show a diff, and an update would try to undo what Cognito did.
 */
export function ignoredProviderDetails(c: IdentityProviderModel): string[] {
  // A rotated Apple key is sent by one `up` with sendPrivateKey. An ignored input keeps its old
  // value, and the engine's step generator appears to do so on a replacement too (not verified), so
  // replacing the provider is not a way to deliver a new key.
  const keys: readonly string[] =
    c.type === "apple"
      ? c.sendPrivateKey
        ? []
        : APPLE_WRITE_ONLY_DETAILS
      : c.type === "saml"
        ? SAML_DERIVED_DETAILS
        : [];
  return keys.map((k) => `providerDetails.${k}`);
}

/**
 * Federation: one `aws.cognito.IdentityProvider` per `identityProviders` entry, named by its key
 * (validation holds social providers to Cognito's fixed names). App clients that list a provider
 * depend on its resource, because Cognito refuses a client naming a provider that does not exist yet.
 *
 * Only the real secrets (client secrets, Apple's private key) are secret, each as its own leaf of
 * `providerDetails`, not the whole map, so a preview names the key that changed. The engine copies
 * that secretness from each input leaf to the same output leaf for this provider (the bridge leaves
 * secret handling to the engine), so the secret stays encrypted in state. A provider is deleted
 * before it is replaced, because a pool holds one provider per name.
 */
export class IdentityProviders extends pulumi.ComponentResource {
  /** By config key (= provider name). */
  readonly providers: Record<string, aws.cognito.IdentityProvider> = {};

  constructor(name: string, args: IdentityProvidersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:IdentityProviders", name, {}, opts);
    const t = args.transform ?? {};
    for (const [key, p] of Object.entries(args.providers)) {
      this.providers[key] = new aws.cognito.IdentityProvider(
        ...applyTransform(
          t.identityProvider,
          `${name}-${key}`,
          {
            userPoolId: args.userPoolId,
            providerName: p.name,
            providerType: p.providerType,
            providerDetails: providerDetails(p),
            attributeMapping: p.attributeMapping,
            idpIdentifiers: p.idpIdentifiers,
          },
          {
            parent: this,
            deleteBeforeReplace: true,
            ignoreChanges: ignoredProviderDetails(p),
          },
        ),
      );
    }
    this.registerOutputs({ providerNames: Object.values(this.providers).map((p) => p.providerName) });
  }
}
