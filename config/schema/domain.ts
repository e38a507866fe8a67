import { z } from "zod";

/** Hosted-UI domain: a Cognito prefix domain, or a custom domain with an ACM certificate. */
export const domainConfig = z.strictObject({
  /** Create a domain at all. */
  enabled: z.boolean(),
  /**
   * Prefix of `<prefix>.auth.<region>.amazoncognito.com`: lowercase letters, digits and inner hyphens,
   * without the words Cognito reserves (aws, amazon, cognito). @default auth-<stack> (see config/model/domain.ts)
   */
  prefix: z.string().optional(),
  /** Append `-<6 random lowercase letters/digits>`, stable per stack, so prefixes stay globally unique. @default true */
  randomSuffix: z.boolean().optional(),
  /** A custom domain instead of a prefix domain. */
  customDomain: z
    .strictObject({
      domainName: z.string().min(1),
      /** Existing ACM certificate ARN in us-east-1; omit to create and DNS-validate one. */
      certificateArn: z.string().startsWith("arn:aws").optional(),
      /** Route 53 zone for the certificate's validation record and an alias A record to the domain's CloudFront distribution. */
      hostedZoneId: z.string().optional(),
    })
    .optional(),
  /** 1 = classic hosted UI, 2 = managed login. */
  managedLoginVersion: z.union([z.literal(1), z.literal(2)]),
  /**
   * Managed-login branding (version 2 only), one style per app client that signs users in through
   * the hosted UI. @default Cognito's provided style with version 2 (a client without a style gets no login page)
   */
  branding: z
    .strictObject({
      useCognitoProvidedValues: z.boolean().optional(),
      /** Branding settings JSON as the API takes it. */
      settings: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

export type DomainConfig = z.infer<typeof domainConfig>;
