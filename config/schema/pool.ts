import { z } from "zod";
import { REQUIRABLE_ATTRIBUTES } from "./standard-attributes";

/** A custom attribute. Names and definitions can never change once the pool exists; only append. */
export const schemaAttribute = z.strictObject({
  /** Attribute name without the `custom:` prefix, 1-20 characters. */
  name: z
    .string()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, "letters, digits and punctuation only"),
  attributeDataType: z.enum(["String", "Number", "DateTime", "Boolean"]),
  /** @default true */
  mutable: z.boolean().default(true),
  /** Cognito refuses required custom attributes. @default false */
  required: z.boolean().default(false),
  /** @default false */
  developerOnlyAttribute: z.boolean().default(false),
  stringAttributeConstraints: z
    .strictObject({ minLength: z.int().min(0).max(2048), maxLength: z.int().min(0).max(2048) })
    .optional(),
  numberAttributeConstraints: z.strictObject({ minValue: z.int(), maxValue: z.int() }).optional(),
});

const riskAction = z.strictObject({
  eventAction: z.enum(["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"]),
  notify: z.boolean(),
});

export const riskConfiguration = z.strictObject({
  compromisedCredentialsRiskConfiguration: z.strictObject({
    eventAction: z.enum(["BLOCK", "NO_ACTION"]),
    eventFilters: z.array(z.enum(["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"])).min(1),
  }),
  accountTakeoverRiskConfiguration: z.strictObject({
    actions: z.strictObject({ lowAction: riskAction, mediumAction: riskAction, highAction: riskAction }),
    /** Who the notification emails come from; needs an SES identity. Omit to take it from `messaging.email`. */
    notifyConfiguration: z
      .strictObject({
        from: z.email().optional(),
        replyTo: z.email().optional(),
        sourceArn: z.string().startsWith("arn:").optional(),
      })
      .optional(),
  }),
});

export const poolConfig = z.strictObject({
  /** Pool name; changing it replaces the pool. @default cognito-auth-<stack> */
  name: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w\s+=,.@-]+$/)
    .optional(),
  /** Sign-in identifiers; fixed at creation. @default ["email"] */
  usernameAttributes: z.array(z.enum(["email", "phone_number"])).optional(),
  /** Alternative to usernameAttributes; fixed at creation. */
  aliasAttributes: z.array(z.enum(["email", "phone_number", "preferred_username"])).optional(),
  usernameConfiguration: z.strictObject({ caseSensitive: z.boolean() }),
  autoVerifiedAttributes: z.array(z.enum(["email", "phone_number"])),
  passwordPolicy: z.strictObject({
    minimumLength: z.int(),
    requireLowercase: z.boolean(),
    requireUppercase: z.boolean(),
    requireNumbers: z.boolean(),
    requireSymbols: z.boolean(),
    /** Also how long an invited (admin-created) account stays usable. */
    temporaryPasswordValidityDays: z.int(),
    /** Not on the LITE tier. */
    passwordHistorySize: z.int().optional(),
  }),
  mfaConfiguration: z.enum(["OFF", "OPTIONAL", "ON"]),
  softwareTokenMfaConfiguration: z.strictObject({ enabled: z.boolean() }),
  /** Email OTP as an MFA factor; needs SES (DEVELOPER) email and a non-LITE tier. */
  emailMfaConfiguration: z
    .strictObject({ message: z.string().optional(), subject: z.string().min(1).max(140).optional() })
    .optional(),
  /** SMS text for MFA codes; must contain {####}. */
  smsAuthenticationMessage: z.string().optional(),
  deviceConfiguration: z
    .strictObject({
      challengeRequiredOnNewDevice: z.boolean(),
      deviceOnlyRememberedOnUserPrompt: z.boolean(),
    })
    .optional(),
  adminCreateUserConfig: z.strictObject({
    /** false lets users sign themselves up. */
    allowAdminCreateUserOnly: z.boolean(),
    inviteMessageTemplate: z
      .strictObject({
        emailMessage: z.string().optional(),
        emailSubject: z.string().optional(),
        smsMessage: z.string().optional(),
      })
      .optional(),
  }),
  userAttributeUpdateSettings: z
    .strictObject({
      attributesRequireVerificationBeforeUpdates: z.array(z.enum(["email", "phone_number"])),
    })
    .optional(),
  verificationMessageTemplate: z.strictObject({
    defaultEmailOption: z.enum(["CONFIRM_WITH_CODE", "CONFIRM_WITH_LINK"]),
    emailMessage: z.string().optional(),
    emailSubject: z.string().optional(),
    emailMessageByLink: z.string().optional(),
    emailSubjectByLink: z.string().optional(),
    smsMessage: z.string().optional(),
  }),
  /** Custom attributes (append only: changing or removing one is refused). */
  schemas: z.array(schemaAttribute),
  /** Standard attributes every user must have; fixed at creation. */
  requiredStandardAttributes: z.array(z.enum(REQUIRABLE_ATTRIBUTES)),
  accountRecoverySetting: z.strictObject({
    recoveryMechanisms: z
      .array(
        z.strictObject({
          name: z.enum(["verified_email", "verified_phone_number", "admin_only"]),
          priority: z.int().min(1).max(2),
        }),
      )
      .min(1)
      .max(2),
  }),
  userPoolTier: z.enum(["LITE", "ESSENTIALS", "PLUS"]),
  userPoolAddOns: z.strictObject({
    /** Threat protection for password sign-ins (PLUS tier). */
    advancedSecurityMode: z.enum(["OFF", "AUDIT", "ENFORCED"]),
    /**
     * Threat protection for custom-auth (challenge trigger) sign-ins too (PLUS tier).
     * @default ENFORCED in prod when the three challenge triggers are set, else not set (Cognito: AUDIT)
     */
    advancedSecurityAdditionalFlows: z.strictObject({ customAuthMode: z.enum(["AUDIT", "ENFORCED"]) }).optional(),
  }),
  /** Threat protection actions; needs advancedSecurityMode other than OFF. */
  riskConfiguration: riskConfiguration.optional(),
  signInPolicy: z
    .strictObject({
      allowedFirstAuthFactors: z.array(z.enum(["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"])).min(1),
    })
    .optional(),
  webAuthnConfiguration: z
    .strictObject({
      relyingPartyId: z.string().min(1).max(63).optional(),
      userVerification: z.enum(["required", "preferred"]).optional(),
    })
    .optional(),
  deletionProtection: z.enum(["ACTIVE", "INACTIVE"]),
  /** Pulumi `protect` + `retainOnDelete` on the pool. */
  protect: z.boolean(),
  /**
   * Guards settings that would replace the pool (and lose every user): while true, a change to them
   * fails `pulumi preview`. Set false for one deliberate replacement.
   */
  replacementGuard: z.boolean(),
});

export type PoolConfig = z.infer<typeof poolConfig>;
export type SchemaAttribute = z.infer<typeof schemaAttribute>;
