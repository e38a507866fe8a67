import * as pulumi from "@pulumi/pulumi";
import type { IdpConfigOf } from "../../config/model";
import type { ProviderDetails } from "./base";

/** Scopes requested from Facebook. @default "public_profile,email" */
export const FACEBOOK_DEFAULT_SCOPES = "public_profile,email";
/**
 * Graph API version. Pinned rather than left to Cognito, because every endpoint Cognito reports
 * back embeds it. @default "v17.0" (the version in the AWS `CreateIdentityProvider` docs)
 */
export const FACEBOOK_DEFAULT_API_VERSION = "v17.0";

/**
 * The keys Cognito adds to a Facebook provider and reports back on every read (AWS
 * `CreateIdentityProvider` docs, "Describe response" for Facebook), for one Graph API version.
 */
export function facebookEndpoints(apiVersion: string): Record<string, string> {
  return {
    api_version: apiVersion,
    attributes_url: `https://graph.facebook.com/${apiVersion}/me?fields=`,
    attributes_url_add_attributes: "true",
    authorize_url: `https://www.facebook.com/${apiVersion}/dialog/oauth`,
    token_request_method: "GET",
    token_url: `https://graph.facebook.com/${apiVersion}/oauth/access_token`,
  };
}

/** Facebook Login: an app from Meta for Developers. */
export function facebookProvider(c: IdpConfigOf<"facebook">): ProviderDetails {
  return {
    client_id: c.clientId,
    client_secret: pulumi.secret(c.clientSecret),
    authorize_scopes: c.authorizeScopes ?? FACEBOOK_DEFAULT_SCOPES,
    ...facebookEndpoints(c.apiVersion ?? FACEBOOK_DEFAULT_API_VERSION),
  };
}
