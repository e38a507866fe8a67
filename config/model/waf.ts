import type { WafConfig } from "../schema/waf";

export interface WafModel {
  /** Name of the web ACL and prefix of its metric names. */
  name: string;
  rateLimit: number;
  rateLimitWindowSeconds: 60 | 120 | 300 | 600;
  countOnly: boolean;
  accountTakeoverPrevention: boolean;
  accountCreationFraudPrevention: boolean;
  /** WAF logging; WAF requires the log group's name to start with `aws-waf-logs-`. */
  logging?: { logGroupName: string; retentionInDays: number };
}

/** Undefined when WAF is off. */
export function resolveWaf(c: WafConfig, stack: string): WafModel | undefined {
  if (!c.enabled) return undefined;
  const name = `cognito-auth-${stack}`;
  return {
    name,
    rateLimit: c.rateLimit ?? 300,
    rateLimitWindowSeconds: c.rateLimitWindowSeconds ?? 300,
    countOnly: c.countOnly ?? false,
    accountTakeoverPrevention: c.accountTakeoverPrevention ?? false,
    accountCreationFraudPrevention: c.accountCreationFraudPrevention ?? false,
    logging: c.logging && { logGroupName: `aws-waf-logs-${name}`, retentionInDays: c.logging.retentionInDays ?? 30 },
  };
}
