import type { Environment } from "../presets";
import type { AuthEventLogsConfig } from "../schema/auth-event-logs";
import type { PoolConfig } from "../schema/pool";

export interface AuthEventLogsModel {
  logGroupName: string;
  retentionInDays: number;
  /** Export user authentication events too (PLUS only; validation refuses it on other tiers). */
  userAuthEvents: boolean;
}

/** Undefined when log export is off. */
export function resolveAuthEventLogs(
  c: AuthEventLogsConfig,
  pool: Pick<PoolConfig, "userPoolTier">,
  stack: string,
  environment: Environment,
): AuthEventLogsModel | undefined {
  if (!c.enabled) return undefined;
  return {
    logGroupName: `/aws/vendedlogs/cognito/cognito-auth-${stack}`,
    retentionInDays: c.retentionInDays ?? (environment === "prod" ? 90 : 30),
    userAuthEvents: c.userAuthEvents ?? pool.userPoolTier === "PLUS",
  };
}
