import { type CognitoRule, isFalse, show, upper, validateClient } from "./common";
import { schemaOf } from "./knobs";

/** C1: sign-in and reset errors do not reveal whether a user exists. */
export const preventUserExistenceErrors: CognitoRule = {
  name: "cognito-client-prevent-user-existence-errors",
  description:
    "App clients hide whether a user exists (preventUserExistenceErrors ENABLED), so sign-in and password-reset errors cannot be used to enumerate accounts. The API default is LEGACY.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_client_prevent_user_existence_errors"],
  remediationSteps: 'Set preventUserExistenceErrors "ENABLED".',
  configSchema: schemaOf({}),
  validateResource: validateClient((client, _args, report) => {
    if (upper(client.preventUserExistenceErrors) === "ENABLED") return;
    const was =
      client.preventUserExistenceErrors === undefined
        ? "not set (the API default is LEGACY)"
        : show(client.preventUserExistenceErrors);
    report(
      `preventUserExistenceErrors is ${was}. Fix: set preventUserExistenceErrors "ENABLED" (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.preventUserExistenceErrors).`,
    );
  }),
};

/** C2: refresh tokens can be revoked (sign-out everywhere, compromised devices). */
export const tokenRevocation: CognitoRule = {
  name: "cognito-client-token-revocation",
  description:
    "App clients keep token revocation on (enableTokenRevocation not false), so a signed-out or stolen refresh token can be revoked. The API default is on.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_client_token_revocation_enabled"],
  remediationSteps: "Remove enableTokenRevocation false (or set it true).",
  configSchema: schemaOf({}),
  validateResource: validateClient((client, _args, report) => {
    if (!isFalse(client.enableTokenRevocation)) return;
    report(
      `enableTokenRevocation is false, so refresh tokens cannot be revoked. Fix: set enableTokenRevocation true (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.enableTokenRevocation).`,
    );
  }),
};
