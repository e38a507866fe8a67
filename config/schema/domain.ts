import { z } from "zod";

/** Hosted-UI domain: a Cognito prefix domain, or a custom domain with an ACM certificate. */
export const domainConfig = z.strictObject({
  /** Create a domain at all. */
  enabled: z.boolean(),
  /** Prefix of `<prefix>.auth.<region>.amazoncognito.com`. @default cognito-auth-<stack> */
  prefix: z.string().optional(),
  /** Append a stable random suffix so prefixes stay globally unique. @default true */
  randomSuffix: z.boolean().optional(),
  /** A custom domain instead of a prefix domain. */
  customDomain: z.strictObject({
    domainName: z.string().min(1),
    /** Existing ACM certificate ARN in us-east-1; omit to create and DNS-validate one. */
    certificateArn: z.string().startsWith("arn:aws").optional(),
    /** Route 53 zone for validation records and the alias record. */
    hostedZoneId: z.string().optional(),
  }).optional(),
  /** 1 = classic hosted UI, 2 = managed login. */
  managedLoginVersion: z.union([z.literal(1), z.literal(2)]),
  /** Managed-login branding (version 2 only). */
  branding: z.strictObject({
    useCognitoProvidedValues: z.boolean().optional(),
    /** Branding settings JSON as the API takes it. */
    settings: z.record(z.string(), z.unknown()).optional(),
  }).optional(),
});

export type DomainConfig = z.infer<typeof domainConfig>;
