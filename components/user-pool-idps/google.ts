import * as pulumi from "@pulumi/pulumi";
import type { IdpConfigOf } from "../../config/model";
import type { ProviderDetails } from "./base";

/** Scopes requested from Google. @default "email profile openid" */
export const GOOGLE_DEFAULT_SCOPES = "email profile openid";

/**
 * The keys Cognito adds to a Google provider on create and reports back on every read (AWS
 * `CreateIdentityProvider` docs, "Describe response" for Google); spelled out to keep previews clean.
 */
export const GOOGLE_ENDPOINTS = {
  attributes_url: "https://people.googleapis.com/v1/people/me?personFields=",
  attributes_url_add_attributes: "true",
  authorize_url: "https://accounts.google.com/o/oauth2/v2/auth",
  oidc_issuer: "https://accounts.google.com",
  token_request_method: "POST",
  token_url: "https://www.googleapis.com/oauth2/v4/token",
} as const;

/** Sign in with Google: an OAuth client from the Google Cloud console. */
export function googleProvider(c: IdpConfigOf<"google">): ProviderDetails {
  return {
    client_id: c.clientId,
    client_secret: pulumi.secret(c.clientSecret),
    authorize_scopes: c.authorizeScopes ?? GOOGLE_DEFAULT_SCOPES,
    ...GOOGLE_ENDPOINTS,
  };
}
