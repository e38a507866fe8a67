import * as pulumi from "@pulumi/pulumi";
import type { IdpConfigOf } from "../../config/model";
import type { ProviderDetails } from "./base";

/** Scopes requested from Apple. @default "email name" */
export const APPLE_DEFAULT_SCOPES = "email name";

/**
 * The keys Cognito adds to a Sign in with Apple provider and reports back on every read (AWS
 * `CreateIdentityProvider` docs, "Describe response" for SignInWithApple). Apple has no
 * attributes URL: its claims come in the ID token.
 */
export const APPLE_ENDPOINTS = {
  attributes_url_add_attributes: "false",
  authorize_url: "https://appleid.apple.com/auth/authorize",
  oidc_issuer: "https://appleid.apple.com",
  token_request_method: "POST",
  token_url: "https://appleid.apple.com/auth/token",
} as const;

/**
 * Keys Cognito takes but never reports back (DescribeIdentityProvider leaves out the private key):
 * ignored on update, so a refresh shows no diff. A rotated key reaches Cognito on the one `up` that
 * sets the provider's `sendPrivateKey` (identity-providers.ts lifts the ignore then).
 */
export const APPLE_WRITE_ONLY_DETAILS = ["private_key"] as const;

/** Sign in with Apple: a Services ID (`clientId`), the team, and a Sign in with Apple key. */
export function appleProvider(c: IdpConfigOf<"apple">): ProviderDetails {
  return {
    client_id: c.clientId,
    team_id: c.teamId,
    key_id: c.keyId,
    private_key: pulumi.secret(c.privateKey),
    authorize_scopes: c.authorizeScopes ?? APPLE_DEFAULT_SCOPES,
    ...APPLE_ENDPOINTS,
  };
}
