import { z } from "zod";

/**
 * Cognito log export (`LogDeliveryConfiguration`) to a CloudWatch log group the stack creates:
 * user-notification errors (email/SMS delivery failures) on every tier, user authentication events
 * on PLUS only.
 */
export const authEventLogsConfig = z.strictObject({
  /** Export logs at all. @default true in prod, false in dev */
  enabled: z.boolean(),
  /** Days CloudWatch keeps the exported logs (a value CloudWatch accepts: 1, 3, 5, 7, 14, 30, 60, 90, ...). @default 90 in prod, 30 in dev */
  retentionInDays: z.number().int().positive().optional(),
  /** Also export user authentication events (sign-in, sign-up, risk decisions); needs pool.userPoolTier PLUS. @default true when the pool is PLUS */
  userAuthEvents: z.boolean().optional(),
});

export type AuthEventLogsConfig = z.infer<typeof authEventLogsConfig>;
