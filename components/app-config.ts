import type * as pulumi from "@pulumi/pulumi";
import type { IdpType, StackModel } from "../config/model";

/** The Amplify version string `Amplify.configure` recognises as Gen 2 outputs (it checks the major only). */
export const APP_CONFIG_VERSION = "1.4";

/** Amplify's names for the social providers it offers buttons for; SAML and OIDC are named at sign-in instead. */
const AMPLIFY_PROVIDERS: Partial<Record<IdpType, string>> = {
  google: "GOOGLE",
  facebook: "FACEBOOK",
  amazon: "LOGIN_WITH_AMAZON",
  apple: "SIGN_IN_WITH_APPLE",
};
const AMPLIFY_MFA = { OFF: "NONE", OPTIONAL: "OPTIONAL", ON: "REQUIRED" } as const;

/** What the app config reads of the built resources. */
export interface AppConfigInput {
  userPoolId: pulumi.Output<string>;
  hostedUiBaseUrl?: pulumi.Output<string>;
  clients: Record<string, { clientId: pulumi.Output<string> }>;
  identityPoolId?: pulumi.Output<string>;
}

/**
 * Amplify Gen 2's `amplify_outputs.json` (`version` and `auth`), which `Amplify.configure` takes
 * as is, for the model's app client. Without a public client there is nothing a front end could
 * use, so `auth` is left out.
 */
export function appConfig(m: StackModel, built: AppConfigInput) {
  const key = m.appClientKey;
  if (key === undefined || !built.clients[key]) return { version: APP_CONFIG_VERSION };
  const c = m.clients[key];
  const p = m.pool;
  const pw = p.passwordPolicy;
  const mfaMethods =
    p.mfaConfiguration === "OFF"
      ? []
      : [...(m.messaging.sms.enabled ? ["SMS"] : []), ...(p.softwareTokenMfaConfiguration.enabled ? ["TOTP"] : [])];
  const base = built.hostedUiBaseUrl;
  const oauth =
    base && c.signsInUsers
      ? {
          identity_providers: c.identityProviderKeys.flatMap((k) => {
            const name = Object.hasOwn(m.identityProviders, k)
              ? AMPLIFY_PROVIDERS[m.identityProviders[k].type]
              : undefined;
            return name ? [name] : [];
          }),
          domain: base.apply((u) => u.replace(/^https:\/\//, "")),
          scopes: c.allowedOauthScopes,
          redirect_sign_in_uri: c.callbackUrls,
          redirect_sign_out_uri: c.logoutUrls,
          response_type: "code",
        }
      : undefined;
  return {
    version: APP_CONFIG_VERSION,
    auth: {
      aws_region: m.region,
      user_pool_id: built.userPoolId,
      user_pool_client_id: built.clients[key].clientId,
      ...(built.identityPoolId ? { identity_pool_id: built.identityPoolId } : {}),
      password_policy: {
        min_length: pw.minimumLength,
        require_lowercase: pw.requireLowercase,
        require_numbers: pw.requireNumbers,
        require_symbols: pw.requireSymbols,
        require_uppercase: pw.requireUppercase,
      },
      ...(oauth ? { oauth } : {}),
      username_attributes: p.usernameAttributes ?? [],
      standard_required_attributes: p.requiredStandardAttributes,
      user_verification_types: p.autoVerifiedAttributes,
      unauthenticated_identities_enabled: m.identityPool.enabled && m.identityPool.allowUnauthenticatedIdentities,
      mfa_configuration: AMPLIFY_MFA[p.mfaConfiguration],
      mfa_methods: mfaMethods,
      groups: m.groupsByPrecedence.map(([g, precedence]) => ({ [g]: { precedence } })),
    },
  };
}
