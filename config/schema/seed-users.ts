import { z } from "zod";

/** A test user for non-prod stacks, keyed by username (the email in email-username pools). */
export const seedUserConfig = z.strictObject({
  /** Group keys from `groups`. */
  groups: z.array(z.string()),
  /** Attributes such as `given_name` or `custom:customer_tier`. `email` defaults to the username. */
  attributes: z.record(z.string(), z.string()).optional(),
});

export type SeedUserConfig = z.infer<typeof seedUserConfig>;
