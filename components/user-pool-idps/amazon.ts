import * as pulumi from "@pulumi/pulumi";
import type { IdpConfigOf } from "../../config/model";
import type { ProviderDetails } from "./base";

/** Scopes requested from Login with Amazon. @default "profile" */
export const AMAZON_DEFAULT_SCOPES = "profile";

/**
 * The keys Cognito adds to a Login with Amazon provider and reports back on every read (AWS
 * `CreateIdentityProvider` docs, "Describe response" for LoginWithAmazon).
 */
export const AMAZON_ENDPOINTS = {
  attributes_url: "https://api.amazon.com/user/profile",
  attributes_url_add_attributes: "false",
  authorize_url: "https://www.amazon.com/ap/oa",
  token_request_method: "POST",
  token_url: "https://api.amazon.com/auth/o2/token",
} as const;

/** Login with Amazon: a security profile's web client. */
export function amazonProvider(c: IdpConfigOf<"amazon">): ProviderDetails {
  return {
    client_id: c.clientId,
    client_secret: pulumi.secret(c.clientSecret),
    authorize_scopes: c.authorizeScopes ?? AMAZON_DEFAULT_SCOPES,
    ...AMAZON_ENDPOINTS,
  };
}
