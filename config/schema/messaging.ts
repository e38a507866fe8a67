import { z } from "zod";

export const messagingConfig = z.strictObject({
  email: z.strictObject({
    /** COGNITO_DEFAULT is capped at a few emails a day; use DEVELOPER (SES) for real traffic. */
    emailSendingAccount: z.enum(["COGNITO_DEFAULT", "DEVELOPER"]),
    /** Sender address (`Name <addr@domain>` allowed); required with DEVELOPER. */
    fromEmailAddress: z.string().optional(),
    replyToEmailAddress: z.email().optional(),
    /** ARN of a verified SES identity. Omit with `identity` to have the stack create one. */
    sourceArn: z.string().startsWith("arn:aws").optional(),
    /** A domain for the stack to create as an SES identity and verify (with DKIM) in `hostedZoneId`. */
    identity: z.string().min(1).optional(),
    /** Route 53 zone (id) of `identity`: the stack writes the SES verification and DKIM records there. */
    hostedZoneId: z.string().min(1).optional(),
    /** SES configuration set name. */
    configurationSet: z.string().min(1).optional(),
  }),
  sms: z.strictObject({
    /**
     * Creates the SNS role and turns on SMS (MFA codes, phone verification). A new account's SMS is
     * sandboxed, US numbers need an origination identity and spending is capped at $1 a month, so
     * it is opt-in; TOTP stays the MFA factor. @default false
     */
    enabled: z.boolean(),
    /**
     * Keep the SMS role while SMS is off. A pool that once had SMS keeps its `smsConfiguration`
     * (the provider never clears it) and Cognito checks that role on every pool update, so turn
     * SMS off on such a pool with this set. @default false
     */
    keepRole: z.boolean().optional(),
    /** Region of the SNS endpoint Cognito publishes through. @default the stack region */
    snsRegion: z.string().optional(),
  }),
});

export type MessagingConfig = z.infer<typeof messagingConfig>;
