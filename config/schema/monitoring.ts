import { z } from "zod";

/** Alarm thresholds; each alarm fires when its metric crosses the threshold in one period. */
export const alarmThresholdsConfig = z.strictObject({
  /** Throttled sign-ins (AWS/Cognito SignInThrottles, sum per period) that raise the alarm. @default 1 */
  signInThrottles: z.number().nonnegative().optional(),
  /** Throttled sign-ups (SignUpThrottles). @default 1 */
  signUpThrottles: z.number().nonnegative().optional(),
  /** Throttled token refreshes (TokenRefreshThrottles). @default 1 */
  tokenRefreshThrottles: z.number().nonnegative().optional(),
  /** Throttled federated sign-ins (FederationThrottles). @default 1 */
  federationThrottles: z.number().nonnegative().optional(),
  /** Successful sign-ins (SignInSuccesses, sum per period) below which the alarm fires: a drop means an outage. 0 turns the alarm off. @default 1 in prod, 0 in dev */
  minSignInSuccesses: z.number().nonnegative().optional(),
  /** High-risk sign-ins threat protection saw (AccountTakeOverRisk, RiskLevel High) per period; only with threat protection on. @default 5 */
  highRiskSignIns: z.number().nonnegative().optional(),
  /** Requests the web ACL blocked (AWS/WAFV2 BlockedRequests) per period; only with WAF on. @default 1000 */
  wafBlockedRequests: z.number().nonnegative().optional(),
  /** Percent of the account's Cognito request-rate quota used (AWS/Usage CallCount against SERVICE_QUOTA). @default 80 */
  quotaUsagePercent: z.number().min(1).max(100).optional(),
});

/** CloudWatch alarms on the pool, its WAF and the account's Cognito quota, sent to an encrypted SNS topic; one dashboard. */
export const monitoringConfig = z.strictObject({
  /** Create the alarms, their SNS topic and the dashboard. @default true in prod, false in dev */
  enabled: z.boolean(),
  /** Email addresses subscribed to the alarm topic (each must confirm by email). @default none */
  alarmEmails: z.array(z.email()).optional(),
  /** Alarm period in seconds (a multiple of 60). @default 300 */
  periodSeconds: z.number().int().min(60).multipleOf(60).optional(),
  /** Periods in a row a metric must breach before the alarm fires. @default 1 */
  evaluationPeriods: z.number().int().min(1).optional(),
  /** Thresholds per alarm. @default see alarmThresholdsConfig */
  thresholds: alarmThresholdsConfig.optional(),
});

export type MonitoringConfig = z.infer<typeof monitoringConfig>;
export type AlarmThresholdsConfig = z.infer<typeof alarmThresholdsConfig>;
