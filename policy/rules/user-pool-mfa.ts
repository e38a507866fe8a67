import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, isTrue, show, upper } from "./common";
import { boolean, readConfig, schemaOf } from "./knobs";
import { tryRead } from "./links";

const requiredKnobs = {
  allowOptional: boolean(false, "Accept OPTIONAL (users choose whether to enrol) as well as ON."),
};

/** U1: MFA required for every user. */
export const mfaRequired: CognitoRule = {
  name: "cognito-user-pool-mfa-required",
  description: "User pools require MFA (mfaConfiguration ON): a stolen password alone must not sign anyone in.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: [
    "prowler:cognito_user_pool_mfa_enabled",
    "cdk-nag:AwsSolutions-COG2",
    "cloudsploit:cognitoMFAEnabled",
    "securityhub:Cognito.5",
  ],
  remediationSteps: 'Set mfaConfiguration to "ON" with software-token (TOTP) MFA enabled.',
  configSchema: schemaOf(requiredKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { allowOptional } = readConfig(requiredKnobs, args);
    const mfa = upper(pool.mfaConfiguration) ?? "OFF";
    if (mfa === "ON" || (allowOptional && mfa === "OPTIONAL")) return;
    const wanted = allowOptional ? "ON or OPTIONAL" : "ON";
    const was = pool.mfaConfiguration === undefined ? "not set (the API default is OFF)" : show(pool.mfaConfiguration);
    report(
      `MFA is ${was}; it must be ${wanted}. Fix: set mfaConfiguration "ON" and softwareTokenMfaConfiguration.enabled true (on aws.cognito.UserPool; cognito-auth key: pool.mfaConfiguration).`,
    );
  }),
};

const notOffKnobs = {
  flagMissing: boolean(
    true,
    "Also fail a pool that leaves mfaConfiguration out (KICS); cfn_nag F78 and cfn-guard fail only an explicit OFF.",
  ),
};

/** U1b: MFA never OFF (the lenient variant: OPTIONAL passes). */
export const mfaNotOff: CognitoRule = {
  name: "cognito-user-pool-mfa-not-off",
  description: "User pools never turn MFA OFF (OPTIONAL or ON): users must at least be able to enrol a second factor.",
  enforcementLevel: "mandatory",
  severity: "low",
  tags: [
    "kics:ec28bf61-a474-4dbe-b414-6dd3a067d6f0",
    "kics:74a18d1a-cf02-4a31-8791-ed0967ad7fdc",
    "cfn_nag:F78",
    "cfn-guard:COGNITO_USER_POOL_MFA_CONFIGURATION_RULE",
  ],
  remediationSteps: 'Set mfaConfiguration to "OPTIONAL" or "ON".',
  configSchema: schemaOf(notOffKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { flagMissing } = readConfig(notOffKnobs, args);
    const mfa = upper(pool.mfaConfiguration);
    if (mfa === "OFF" || (mfa === undefined && flagMissing)) {
      const was = mfa === undefined ? "not set (the API default is OFF)" : show(pool.mfaConfiguration);
      report(
        `MFA is ${was}. Fix: set mfaConfiguration "OPTIONAL" or "ON" (on aws.cognito.UserPool; cognito-auth key: pool.mfaConfiguration).`,
      );
    }
  }),
};

/** U2: when MFA is on, a factor is configured. Reads the factors in order and stops at the first one set. */
export const mfaFactor: CognitoRule = {
  name: "cognito-user-pool-mfa-factor",
  description:
    "A pool with MFA OPTIONAL or ON configures a factor (TOTP, email or SMS); otherwise nobody can enrol and the deployment fails.",
  enforcementLevel: "mandatory",
  severity: "low",
  tags: ["kics:ec28bf61-a474-4dbe-b414-6dd3a067d6f0"],
  remediationSteps: "Enable softwareTokenMfaConfiguration, or configure emailMfaConfiguration or smsConfiguration.",
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const mfa = upper(pool.mfaConfiguration) ?? "OFF";
    if (mfa === "OFF") return args.notApplicable("MFA is OFF");
    // TOTP first: the SMS settings hold an IAM role ARN that is unknown during preview.
    if (isTrue(pool.softwareTokenMfaConfiguration?.enabled)) return;
    if (pool.emailMfaConfiguration !== undefined) return;
    const sms = tryRead(() => pool.smsConfiguration);
    if (sms.unknown) return; // an SMS configuration that is still being computed is still a factor
    if (sms.value !== undefined) return;
    report(
      `MFA is ${mfa} but no factor is configured. Fix: set softwareTokenMfaConfiguration.enabled true (on aws.cognito.UserPool; cognito-auth key: pool.softwareTokenMfaConfiguration), or configure email or SMS MFA.`,
    );
  }),
};
