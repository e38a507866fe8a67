import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, show, upper } from "./common";
import { oneOf, readConfig, schemaOf } from "./knobs";
import { tryRead } from "./links";

const MODES = ["AUDIT", "ENFORCED"] as const;

function modeOk(actual: string | undefined, required: (typeof MODES)[number]): boolean {
  return actual === "ENFORCED" || (required === "AUDIT" && actual === "AUDIT");
}

const standardKnobs = {
  securityMode: oneOf(
    MODES,
    "ENFORCED",
    "Least acceptable advancedSecurityMode (Security Hub parameter SecurityMode).",
  ),
};

/** U5: threat protection acts (blocks, challenges) instead of only logging. */
export const threatProtection: CognitoRule = {
  name: "cognito-user-pool-threat-protection",
  description:
    "User pools run threat protection in full-function mode (advancedSecurityMode ENFORCED), so risky and compromised-credential sign-ins are acted on, not just logged.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: [
    "securityhub:Cognito.1",
    "config:cognito-user-pool-advanced-security-enabled",
    "prowler:cognito_user_pool_advanced_security_enabled",
  ],
  remediationSteps: 'Set userPoolTier "PLUS" and userPoolAddOns.advancedSecurityMode "ENFORCED".',
  configSchema: schemaOf(standardKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { securityMode } = readConfig(standardKnobs, args);
    const mode = upper(pool.userPoolAddOns?.advancedSecurityMode);
    if (modeOk(mode, securityMode)) return;
    report(
      `Threat protection (userPoolAddOns.advancedSecurityMode) is ${mode === undefined ? "not set (OFF)" : show(pool.userPoolAddOns?.advancedSecurityMode)}; it must be ${securityMode === "AUDIT" ? "AUDIT or ENFORCED" : "ENFORCED"}. Fix: set userPoolTier "PLUS" and advancedSecurityMode "ENFORCED" (on aws.cognito.UserPool; cognito-auth key: pool.userPoolAddOns.advancedSecurityMode).`,
    );
  }),
};

const CUSTOM_AUTH_TRIGGERS = ["defineAuthChallenge", "createAuthChallenge", "verifyAuthChallengeResponse"] as const;

const customKnobs = {
  customAuthMode: oneOf(MODES, "ENFORCED", "Least acceptable advancedSecurityAdditionalFlows.customAuthMode."),
};

/** U6: threat protection also covers custom authentication flows, when the pool has them. */
export const threatProtectionCustomAuth: CognitoRule = {
  name: "cognito-user-pool-threat-protection-custom-auth",
  description:
    "Pools with custom-auth Lambda triggers run threat protection on those flows too (customAuthMode ENFORCED); otherwise custom challenges bypass it.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["securityhub:Cognito.4"],
  remediationSteps: 'Set userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode "ENFORCED".',
  configSchema: schemaOf(customKnobs),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    const { customAuthMode } = readConfig(customKnobs, args);
    const triggers = pool.lambdaConfig;
    // Trigger ARNs are often unknown during preview; an unknown ARN is still a trigger that is set.
    const hasCustomAuth =
      triggers !== undefined &&
      CUSTOM_AUTH_TRIGGERS.some((t) => {
        const v = tryRead(() => triggers[t]);
        return v.unknown !== undefined || (v.value !== undefined && v.value !== "");
      });
    if (!hasCustomAuth) return args.notApplicable("the pool has no custom-auth triggers");
    const mode = upper(pool.userPoolAddOns?.advancedSecurityAdditionalFlows?.customAuthMode);
    if (modeOk(mode, customAuthMode)) return;
    report(
      `The pool has custom-auth triggers but threat protection for them (userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode) is ${mode ?? "not set (AUDIT)"}. Fix: set userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode "ENFORCED" on aws.cognito.UserPool.`,
    );
  }),
};

/** U7: the Plus feature plan, which threat protection needs. */
export const plusTier: CognitoRule = {
  name: "cognito-user-pool-plus-tier",
  description:
    "User pools use the Plus feature plan (userPoolTier PLUS), which carries threat protection and compromised-credential detection.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["cdk-nag:AwsSolutions-COG8"],
  remediationSteps: 'Set userPoolTier "PLUS".',
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, _args, report) => {
    const tier = upper(pool.userPoolTier);
    if (tier === "PLUS") return;
    report(
      `userPoolTier is ${tier === undefined ? "not set (ESSENTIALS for new pools)" : show(pool.userPoolTier)}; threat protection needs PLUS. Fix: set userPoolTier "PLUS" (on aws.cognito.UserPool; cognito-auth key: pool.userPoolTier).`,
    );
  }),
};
