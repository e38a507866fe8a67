import type { Environment } from "../presets";
import type { MonitoringConfig } from "../schema/monitoring";

export interface AlarmThresholdsModel {
  signInThrottles: number;
  signUpThrottles: number;
  tokenRefreshThrottles: number;
  federationThrottles: number;
  /** 0 = no sign-in drop alarm. */
  minSignInSuccesses: number;
  highRiskSignIns: number;
  wafBlockedRequests: number;
  quotaUsagePercent: number;
}

export interface MonitoringModel {
  /** Prefix of the alarm, topic and dashboard names. */
  name: string;
  alarmEmails: string[];
  periodSeconds: number;
  evaluationPeriods: number;
  thresholds: AlarmThresholdsModel;
}

/** Undefined when monitoring is off. */
export function resolveMonitoring(
  c: MonitoringConfig,
  stack: string,
  environment: Environment,
): MonitoringModel | undefined {
  if (!c.enabled) return undefined;
  const t = c.thresholds ?? {};
  return {
    name: `cognito-auth-${stack}`,
    alarmEmails: c.alarmEmails ?? [],
    periodSeconds: c.periodSeconds ?? 300,
    evaluationPeriods: c.evaluationPeriods ?? 1,
    thresholds: {
      signInThrottles: t.signInThrottles ?? 1,
      signUpThrottles: t.signUpThrottles ?? 1,
      tokenRefreshThrottles: t.tokenRefreshThrottles ?? 1,
      federationThrottles: t.federationThrottles ?? 1,
      minSignInSuccesses: t.minSignInSuccesses ?? (environment === "prod" ? 1 : 0),
      highRiskSignIns: t.highRiskSignIns ?? 5,
      wafBlockedRequests: t.wafBlockedRequests ?? 1000,
      quotaUsagePercent: t.quotaUsagePercent ?? 80,
    },
  };
}
