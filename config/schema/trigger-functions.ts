import { z } from "zod";

const domain = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
    "a lower-case email domain (example.com)",
  );

/** Days CloudWatch Logs accepts as a retention. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Who the functions' email (welcome, one-time codes) comes from. */
export const functionSenderConfig = z.strictObject({
  /** Sender address (`Name <addr@domain>` allowed). @default messaging.email.fromEmailAddress */
  from: z.string().min(3),
  /** ARN of the verified SES identity the functions send as; their roles may send as this identity only. @default the stack's SES identity (messaging.email.sourceArn or identity) */
  sourceArn: z.string().startsWith("arn:aws").optional(),
});

/**
 * Trigger functions the stack builds from functions/ (TypeScript, bundled with esbuild), each with
 * its own role, log group and the pool's invoke permission. A trigger set here cannot also be set by ARN.
 */
export const triggerFunctionsConfig = z.strictObject({
  /** Sign-up only for these email domains, compared exactly. @default off */
  preSignUp: z
    .strictObject({
      /** Domains (the part after `@`) that may sign up. */
      allowedDomains: z.array(domain).min(1),
      /** Listed domains whose users are confirmed without a code; dev only. @default [] */
      autoConfirmDomains: z.array(domain).optional(),
    })
    .optional(),
  /** Adds each new user to a group by email domain; optionally sends a welcome email. @default off */
  postConfirmation: z
    .strictObject({
      /** Email domain to group name; `*` for every other domain. */
      groupsByDomain: z.record(z.union([domain, z.literal("*")]), z.string().min(1)),
      /** A welcome email through SES from `triggers.functions.sender`. @default none */
      welcomeEmail: z
        .strictObject({
          /** @default "Welcome" */
          subject: z.string().min(1).optional(),
          /** Plain text; `{name}` becomes the user's given name (or email). @default "Welcome, {name}. Your account is ready." */
          text: z.string().min(1).optional(),
        })
        .optional(),
    })
    .optional(),
  /** Pre token generation V2: claims on both tokens, scopes on the access token by group. Needs ESSENTIALS or PLUS. @default off */
  preTokenGeneration: z
    .strictObject({
      /** Claims added to the ID and access tokens. @default {} */
      claims: z.record(z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/), z.string()).optional(),
      /** Group name to scopes (`<resourceServers key>/<scope>`) added to its members' access tokens. @default {} */
      groupScopes: z.record(z.string().min(1), z.array(z.string().min(3))).optional(),
    })
    .optional(),
  /** A one-time code by email after the password (define, create and verify auth challenge functions). @default off */
  customChallenge: z
    .strictObject({
      /** Clients (keys of `clients`) that sign in with it; they get ALLOW_CUSTOM_AUTH. */
      clients: z.array(z.string().min(1)).min(1),
      /** Digits in the code. @default 6 */
      codeLength: z.number().int().min(6).max(10).optional(),
      /** Wrong codes before the sign-in fails. @default 3 */
      maxAttempts: z.number().int().min(1).max(5).optional(),
    })
    .optional(),
  /** Sender of the welcome email and the one-time codes. @default messaging.email (DEVELOPER) */
  sender: functionSenderConfig.optional(),
  /** Days each function's log group keeps logs. @default 30 */
  logRetentionDays: z.number().int().positive().optional(),
});

export type TriggerFunctionsConfig = z.infer<typeof triggerFunctionsConfig>;
