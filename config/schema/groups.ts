import { z } from "zod";

export const groupConfig = z.strictObject({
  description: z.string().max(2048).optional(),
  /** Lower wins when a user is in several groups. */
  precedence: z.int().min(0).max(2147483647),
  /** An existing IAM role for members (identity pool role mapping). */
  roleArn: z.string().startsWith("arn:aws").optional(),
  /** Or a role the stack creates, trusting the identity pool, with these managed policy ARNs. */
  role: z.strictObject({ policyArns: z.array(z.string().startsWith("arn:aws")).min(1) }).optional(),
});

export type GroupConfig = z.infer<typeof groupConfig>;
