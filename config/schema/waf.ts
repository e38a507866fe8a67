import { z } from "zod";

/**
 * AWS WAF in front of the user pool (a REGIONAL web ACL associated with the pool): AWS managed rule
 * groups and a per-IP rate limit on the sign-in and sign-up paths. Web ACLs, rules and requests are
 * billed (README "Operations: WAF, auth event logs, alarms").
 */
export const wafConfig = z.strictObject({
  /** Create and associate the web ACL. @default true in prod, false in dev */
  enabled: z.boolean(),
  /** Requests per IP in `rateLimitWindowSeconds` to the sign-in and sign-up paths before WAF blocks the IP (10 - 2,000,000,000). @default 300 */
  rateLimit: z.number().int().min(10).max(2_000_000_000).optional(),
  /** The window WAF counts `rateLimit` in: 60, 120, 300 or 600 seconds. @default 300 */
  rateLimitWindowSeconds: z.union([z.literal(60), z.literal(120), z.literal(300), z.literal(600)]).optional(),
  /** Run the managed rule groups in count mode only (observe before blocking). @default false */
  countOnly: z.boolean().optional(),
  /** AWSManagedRulesATPRuleSet, account takeover prevention (extra fee per request inspected). @default false */
  accountTakeoverPrevention: z.boolean().optional(),
  /** AWSManagedRulesACFPRuleSet, account creation fraud prevention (extra fee per request inspected). @default false */
  accountCreationFraudPrevention: z.boolean().optional(),
  /** Log requests to a CloudWatch log group named `aws-waf-logs-cognito-auth-<stack>` (ingestion is billed). @default none (no logging) */
  logging: z
    .strictObject({
      /** Days CloudWatch keeps WAF logs. @default 30 */
      retentionInDays: z.number().int().positive().optional(),
    })
    .optional(),
});

export type WafConfig = z.infer<typeof wafConfig>;
