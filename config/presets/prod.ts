import type { StackConfig } from "../schema";
import { commonPreset } from "./common";

/**
 * Prod: MFA required, threat protection enforced (PLUS tier) with a risk configuration, deletion
 * protection and Pulumi `protect`, SES email, no localhost URLs, no seed users, WAF in
 * front of the pool, auth event logs kept 90 days, alarms and a dashboard. Callback URLs and
 * the SES sender have no safe default, so a prod stack must set them.
 */
export function prodPreset(stack: string): StackConfig {
  const c = commonPreset(stack);
  return {
    ...c,
    environment: "prod",
    pool: {
      ...c.pool,
      mfaConfiguration: "ON",
      userPoolTier: "PLUS",
      userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      riskConfiguration: {
        compromisedCredentialsRiskConfiguration: {
          eventAction: "BLOCK",
          eventFilters: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
        },
        accountTakeoverRiskConfiguration: {
          actions: {
            lowAction: { eventAction: "MFA_IF_CONFIGURED", notify: true },
            mediumAction: { eventAction: "MFA_REQUIRED", notify: true },
            highAction: { eventAction: "BLOCK", notify: true },
          },
        },
      },
      deletionProtection: "ACTIVE",
      protect: true,
      replacementGuard: true,
    },
    messaging: { ...c.messaging, email: { emailSendingAccount: "DEVELOPER" } },
    waf: { enabled: true, rateLimit: 300, rateLimitWindowSeconds: 300 },
    authEventLogs: { enabled: true, retentionInDays: 90 },
    monitoring: { enabled: true, thresholds: { minSignInSuccesses: 1 } },
    tags: { ...c.tags, environment: "prod" },
  };
}
