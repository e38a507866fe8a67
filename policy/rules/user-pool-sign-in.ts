import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { asArray, type CognitoRule, isFalse, isTrue, num, show } from "./common";
import { boolean, readConfig, schemaOf } from "./knobs";

/** U11: only administrators create users. Many public apps need sign-up, hence advisory. */
export const selfSignUpDisabled: CognitoRule = {
  name: "cognito-user-pool-self-signup-disabled",
  description:
    "User pools disable self sign-up (adminCreateUserConfig.allowAdminCreateUserOnly true), so nobody can create an account the organisation did not issue.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_self_registration_disabled"],
  remediationSteps:
    "Set adminCreateUserConfig.allowAdminCreateUserOnly true, or keep this advisory for apps that need public sign-up.",
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, _args, report) => {
    const only = pool.adminCreateUserConfig?.allowAdminCreateUserOnly;
    if (isTrue(only)) return;
    report(
      `Self sign-up is on (adminCreateUserConfig.allowAdminCreateUserOnly is ${show(only)}): anyone can create an account. Fix: set adminCreateUserConfig.allowAdminCreateUserOnly true if the app does not need public sign-up (on aws.cognito.UserPool; cognito-auth key: pool.adminCreateUserConfig.allowAdminCreateUserOnly).`,
    );
  }),
};

/** Usernames (and email aliases) match whatever their case, so `Ada@x` and `ada@x` are one user. */
export const caseInsensitiveUsernames: CognitoRule = {
  name: "cognito-user-pool-case-insensitive-usernames",
  description:
    "User pools treat usernames case-insensitively (usernameConfiguration.caseSensitive false), so case variants cannot create look-alike duplicate accounts. Fixed at creation.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["aws-docs:UsernameConfigurationType"],
  remediationSteps: "Set usernameConfiguration.caseSensitive false when creating the pool (it cannot change later).",
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, _args, report) => {
    const cs = pool.usernameConfiguration?.caseSensitive;
    if (isFalse(cs)) return;
    const was = cs === undefined ? "not set (the API default is case-sensitive)" : show(cs);
    report(
      `usernameConfiguration.caseSensitive is ${was}. Fix: set usernameConfiguration.caseSensitive false; this needs a new pool (on aws.cognito.UserPool; cognito-auth key: pool.usernameConfiguration.caseSensitive).`,
    );
  }),
};

const recoveryKnobs = {
  allowPhone: boolean(
    true,
    "Allow verified_phone_number as a recovery mechanism after verified_email; false allows email (or admin_only) only.",
  ),
};

/** Account recovery prefers verified email: SMS codes are open to SIM swapping and cost money. */
export const accountRecovery: CognitoRule = {
  name: "cognito-user-pool-account-recovery",
  description:
    "User pools recover accounts through verified email before phone: SMS recovery codes are open to SIM-swap takeover. Without a setting Cognito prefers SMS.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["aws-docs:AccountRecoverySettingType"],
  remediationSteps:
    "Set accountRecoverySetting with verified_email at priority 1 (optionally verified_phone_number at 2), or admin_only.",
  configSchema: schemaOf(recoveryKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { allowPhone } = readConfig(recoveryKnobs, args);
    const mechanisms = asArray(pool.accountRecoverySetting?.recoveryMechanisms)
      .map((m) => (typeof m === "object" && m !== null ? (m as Record<string, unknown>) : {}))
      .map((m) => ({ name: String(m.name ?? "").toLowerCase(), priority: num(m.priority) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.priority - b.priority);
    const fix =
      "Fix: recover through verified_email first (on aws.cognito.UserPool; cognito-auth key: pool.accountRecoverySetting.recoveryMechanisms).";
    if (mechanisms.length === 0) {
      report(`No accountRecoverySetting is set, so Cognito recovers accounts by SMS when a phone is verified. ${fix}`);
      return;
    }
    const phone = mechanisms.some((m) => m.name === "verified_phone_number");
    if (phone && !allowPhone) report(`Account recovery allows verified_phone_number, which this stack forbids. ${fix}`);
    else if (mechanisms[0].name === "verified_phone_number")
      report(`Account recovery tries verified_phone_number before email. ${fix}`);
  }),
};
