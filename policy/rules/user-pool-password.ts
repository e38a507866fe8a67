import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, isTrue, num, show } from "./common";
import { boolean, integer, readConfig, schemaOf } from "./knobs";

const policyKnobs = {
  minimumLength: integer(
    8,
    "Shortest allowed password: 8 per Security Hub Cognito.3 and cdk-nag COG1, 14 per Prowler.",
    { minimum: 6, maximum: 99 },
  ),
  requireLowercase: boolean(true, "Require a lowercase letter (Security Hub, Prowler; cdk-nag does not)."),
  requireUppercase: boolean(true, "Require an uppercase letter."),
  requireNumbers: boolean(true, "Require a digit."),
  requireSymbols: boolean(true, "Require a symbol."),
};

const CLASSES = ["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"] as const;

/** U3: a strong, explicit password policy. */
export const passwordPolicy: CognitoRule = {
  name: "cognito-user-pool-password-policy",
  description:
    "User pools set an explicit password policy with a minimum length and every character class, so passwords resist guessing.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: [
    "securityhub:Cognito.3",
    "config:cognito-user-pool-password-policy-check",
    "cdk-nag:AwsSolutions-COG1",
    "prowler:cognito_user_pool_password_policy_minimum_length_14",
    "prowler:cognito_user_pool_password_policy_lowercase",
    "prowler:cognito_user_pool_password_policy_uppercase",
    "prowler:cognito_user_pool_password_policy_number",
    "prowler:cognito_user_pool_password_policy_symbol",
    "steampipe:cognito_user_pool_password_policy_with_strong_configuration",
  ],
  remediationSteps:
    "Set passwordPolicy with minimumLength at or above the configured minimum and every require* flag true.",
  configSchema: schemaOf(policyKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const cfg = readConfig(policyKnobs, args);
    const p = pool.passwordPolicy;
    if (p === undefined) {
      report(
        `No passwordPolicy is set; Prowler and cdk-nag fail an implicit policy even though Cognito's default is 8 characters with every class. Fix: set passwordPolicy explicitly (on aws.cognito.UserPool; cognito-auth key: pool.passwordPolicy).`,
      );
      return;
    }
    // The API default for a policy without minimumLength is 8; a missing require* flag is false.
    const length = num(p.minimumLength) ?? 8;
    if (length < cfg.minimumLength) {
      report(
        `passwordPolicy.minimumLength is ${length}; it must be at least ${cfg.minimumLength}. Fix: raise passwordPolicy.minimumLength (on aws.cognito.UserPool; cognito-auth key: pool.passwordPolicy.minimumLength).`,
      );
    }
    for (const flag of CLASSES) {
      if (cfg[flag] && !isTrue(p[flag])) {
        report(
          `passwordPolicy.${flag} is ${show(p[flag])}; it must be true. Fix: set passwordPolicy.${flag} true (on aws.cognito.UserPool; cognito-auth key: pool.passwordPolicy.${flag}).`,
        );
      }
    }
  }),
};

const validityKnobs = {
  maximumDays: integer(7, "Longest allowed temporaryPasswordValidityDays.", { minimum: 0, maximum: 365 }),
};

/**
 * U4 plus unused accounts: temporaryPasswordValidityDays also bounds how long an invited account
 * that never signs in stays usable (it replaced adminCreateUserConfig.unusedAccountValidityDays).
 */
export const temporaryPasswordValidity: CognitoRule = {
  name: "cognito-user-pool-temporary-password-validity",
  description:
    "Temporary passwords, and with them invited accounts that never sign in, expire within a bounded number of days.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: [
    "prowler:cognito_user_pool_temporary_password_expiration",
    "securityhub:Cognito.3",
    "config:cognito-user-pool-password-policy-check",
  ],
  remediationSteps: "Set passwordPolicy.temporaryPasswordValidityDays to the configured maximum or less.",
  configSchema: schemaOf(validityKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { maximumDays } = readConfig(validityKnobs, args);
    const p = pool.passwordPolicy;
    if (p === undefined) {
      report(
        `No passwordPolicy is set, so the temporary-password validity is implicit (Prowler fails this). Fix: set passwordPolicy.temporaryPasswordValidityDays to ${maximumDays} or less (on aws.cognito.UserPool; cognito-auth key: pool.passwordPolicy.temporaryPasswordValidityDays).`,
      );
      return;
    }
    const days = num(p.temporaryPasswordValidityDays) ?? 7;
    if (days > maximumDays) {
      report(
        `passwordPolicy.temporaryPasswordValidityDays is ${days}: temporary passwords and unused invited accounts stay valid longer than ${maximumDays} days. Fix: lower passwordPolicy.temporaryPasswordValidityDays (on aws.cognito.UserPool; cognito-auth key: pool.passwordPolicy.temporaryPasswordValidityDays).`,
      );
    }
  }),
};
