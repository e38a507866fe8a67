import * as pulumi from "@pulumi/pulumi";
import type { IdpConfigOf } from "../../config/model";
import type { ProviderDetails } from "./base";

/** Scopes requested from an OIDC provider. @default "openid email profile" */
export const OIDC_DEFAULT_SCOPES = "openid email profile";
/** How Cognito calls the userinfo endpoint. @default "GET" */
export const OIDC_DEFAULT_ATTRIBUTES_REQUEST_METHOD = "GET";

/**
 * Any OpenID Connect provider (Entra ID, Okta, Auth0, Keycloak ...). Cognito discovers the endpoints
 * from `oidc_issuer` and then does not store them, so they are sent only when configured (for an
 * issuer without discovery). `attributes_url_add_attributes` is always reported back as "false".
 */
export function oidcProvider(c: IdpConfigOf<"oidc">): ProviderDetails {
  const endpoints: Record<string, string> = {};
  if (c.authorizeUrl) endpoints.authorize_url = c.authorizeUrl;
  if (c.tokenUrl) endpoints.token_url = c.tokenUrl;
  if (c.attributesUrl) endpoints.attributes_url = c.attributesUrl;
  if (c.jwksUri) endpoints.jwks_uri = c.jwksUri;
  return {
    client_id: c.clientId,
    client_secret: pulumi.secret(c.clientSecret),
    oidc_issuer: c.oidcIssuer,
    authorize_scopes: c.authorizeScopes ?? OIDC_DEFAULT_SCOPES,
    attributes_request_method: c.attributesRequestMethod ?? OIDC_DEFAULT_ATTRIBUTES_REQUEST_METHOD,
    attributes_url_add_attributes: "false",
    ...endpoints,
  };
}
