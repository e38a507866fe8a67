import type { IssueList } from "../errors";
import type { RuleSet } from "./context";

const CODE = "{####}";
const LINK = /\{##[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*##\}/u;

/** Password policy, templates, attributes, MFA, tiers and threat protection. */
export const poolRules: RuleSet = (cfg, ctx, issues) => {
  const p = cfg.pool;
  const pw = p.passwordPolicy;
  const sms = cfg.messaging.sms.enabled;
  const ses = cfg.messaging.email.emailSendingAccount === "DEVELOPER";

  if (pw.minimumLength < 6 || pw.minimumLength > 99)
    issues.add("pool.passwordPolicy.minimumLength", pw.minimumLength, "must be between 6 and 99");
  if (pw.temporaryPasswordValidityDays < 0 || pw.temporaryPasswordValidityDays > 365) {
    issues.add(
      "pool.passwordPolicy.temporaryPasswordValidityDays",
      pw.temporaryPasswordValidityDays,
      "must be between 0 and 365 days",
    );
  }
  if (pw.passwordHistorySize !== undefined) {
    if (pw.passwordHistorySize < 0 || pw.passwordHistorySize > 24)
      issues.add("pool.passwordPolicy.passwordHistorySize", pw.passwordHistorySize, "must be between 0 and 24");
    else if (p.userPoolTier === "LITE" && pw.passwordHistorySize > 0)
      issues.add(
        "pool.passwordPolicy.passwordHistorySize",
        pw.passwordHistorySize,
        "password history needs userPoolTier ESSENTIALS or PLUS",
      );
  }

  if (p.usernameAttributes && p.aliasAttributes)
    issues.add("pool.aliasAttributes", p.aliasAttributes, "set usernameAttributes or aliasAttributes, not both");
  const verifyFirst = p.userAttributeUpdateSettings?.attributesRequireVerificationBeforeUpdates ?? [];
  const notAuto = verifyFirst.filter((a) => !p.autoVerifiedAttributes.includes(a));
  if (notAuto.length > 0) {
    issues.add(
      "pool.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
      verifyFirst,
      `${notAuto.join(", ")} must also be in pool.autoVerifiedAttributes`,
    );
  }
  if (p.autoVerifiedAttributes.includes("phone_number") && !sms)
    issues.add(
      "pool.autoVerifiedAttributes",
      p.autoVerifiedAttributes,
      "verifying phone numbers needs messaging.sms.enabled",
    );

  smsTemplate(issues, "pool.smsAuthenticationMessage", p.smsAuthenticationMessage, [CODE]);
  const v = p.verificationMessageTemplate;
  if (v.defaultEmailOption === "CONFIRM_WITH_CODE") {
    emailTemplate(issues, "pool.verificationMessageTemplate.emailMessage", v.emailMessage, [CODE]);
    subject(issues, "pool.verificationMessageTemplate.emailSubject", v.emailSubject);
  } else {
    if (!cfg.domain.enabled)
      issues.add(
        "pool.verificationMessageTemplate.defaultEmailOption",
        v.defaultEmailOption,
        "link verification sends users to the hosted UI, so it needs a domain (domain.enabled: true)",
      );
    if (v.emailMessageByLink === undefined || !LINK.test(v.emailMessageByLink)) {
      issues.add(
        "pool.verificationMessageTemplate.emailMessageByLink",
        v.emailMessageByLink,
        "CONFIRM_WITH_LINK needs a message with a {##link text##} placeholder",
      );
    }
    subject(issues, "pool.verificationMessageTemplate.emailSubjectByLink", v.emailSubjectByLink);
  }
  smsTemplate(issues, "pool.verificationMessageTemplate.smsMessage", v.smsMessage, [CODE]);
  const invite = p.adminCreateUserConfig.inviteMessageTemplate;
  emailTemplate(issues, "pool.adminCreateUserConfig.inviteMessageTemplate.emailMessage", invite?.emailMessage, [
    "{username}",
    CODE,
  ]);
  subject(issues, "pool.adminCreateUserConfig.inviteMessageTemplate.emailSubject", invite?.emailSubject);
  smsTemplate(issues, "pool.adminCreateUserConfig.inviteMessageTemplate.smsMessage", invite?.smsMessage, [
    "{username}",
    CODE,
  ]);

  const seen = new Set<string>();
  p.schemas.forEach((a, i) => {
    const at = `pool.schemas[${i}]`;
    if (seen.has(a.name)) issues.add(`${at}.name`, a.name, "custom attribute names must be unique");
    seen.add(a.name);
    if (a.required) issues.add(`${at}.required`, true, "Cognito does not allow required custom attributes");
    const s = a.stringAttributeConstraints;
    if (s && a.attributeDataType !== "String")
      issues.add(`${at}.stringAttributeConstraints`, s, "only String attributes take string constraints");
    if (s && s.minLength > s.maxLength)
      issues.add(`${at}.stringAttributeConstraints`, s, "minLength must not exceed maxLength");
    const n = a.numberAttributeConstraints;
    if (n && a.attributeDataType !== "Number")
      issues.add(`${at}.numberAttributeConstraints`, n, "only Number attributes take number constraints");
    if (n && n.minValue > n.maxValue)
      issues.add(`${at}.numberAttributeConstraints`, n, "minValue must not exceed maxValue");
  });

  if (p.mfaConfiguration !== "OFF" && !p.softwareTokenMfaConfiguration.enabled && !sms && !p.emailMfaConfiguration) {
    issues.add(
      "pool.mfaConfiguration",
      p.mfaConfiguration,
      "MFA OPTIONAL or ON needs at least one factor: softwareTokenMfaConfiguration.enabled, messaging.sms.enabled or emailMfaConfiguration",
    );
  }
  if (p.emailMfaConfiguration) {
    if (!ses)
      issues.add(
        "pool.emailMfaConfiguration",
        p.emailMfaConfiguration,
        "email MFA needs messaging.email.emailSendingAccount DEVELOPER (SES)",
      );
    if (p.userPoolTier === "LITE")
      issues.add(
        "pool.emailMfaConfiguration",
        p.emailMfaConfiguration,
        "email MFA needs userPoolTier ESSENTIALS or PLUS",
      );
    if (p.mfaConfiguration === "OFF")
      issues.add("pool.emailMfaConfiguration", p.emailMfaConfiguration, "email MFA is set but mfaConfiguration is OFF");
    if (p.emailMfaConfiguration.message !== undefined)
      emailTemplate(issues, "pool.emailMfaConfiguration.message", p.emailMfaConfiguration.message, [CODE]);
  }

  if (p.userPoolAddOns.advancedSecurityMode !== "OFF" && p.userPoolTier !== "PLUS") {
    issues.add(
      "pool.userPoolAddOns.advancedSecurityMode",
      p.userPoolAddOns.advancedSecurityMode,
      "threat protection needs userPoolTier PLUS",
    );
  }
  const customAuthMode = p.userPoolAddOns.advancedSecurityAdditionalFlows?.customAuthMode;
  if (customAuthMode !== undefined && p.userPoolTier !== "PLUS") {
    issues.add(
      "pool.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode",
      customAuthMode,
      "threat protection for custom authentication needs userPoolTier PLUS",
    );
  }
  if (customAuthMode !== undefined && p.userPoolAddOns.advancedSecurityMode === "OFF") {
    issues.add(
      "pool.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode",
      customAuthMode,
      "needs userPoolAddOns.advancedSecurityMode AUDIT or ENFORCED",
    );
  }
  if (p.riskConfiguration && p.userPoolAddOns.advancedSecurityMode === "OFF") {
    issues.add(
      "pool.userPoolAddOns.advancedSecurityMode",
      "OFF",
      "threat protection is OFF but pool.riskConfiguration is set (the prod preset sets one), and a risk configuration needs AUDIT or ENFORCED: keep threat protection on, or set pool.riskConfiguration: null to drop it",
    );
  }
  const notify = p.riskConfiguration?.accountTakeoverRiskConfiguration;
  const notifies = notify && Object.values(notify.actions).some((a) => a.notify);
  if (notifies && !ses && !notify?.notifyConfiguration?.sourceArn) {
    issues.add(
      "pool.riskConfiguration.accountTakeoverRiskConfiguration.notifyConfiguration",
      notify?.notifyConfiguration,
      "notification emails need an SES identity: messaging.email DEVELOPER or notifyConfiguration.sourceArn",
    );
  }

  const factors = p.signInPolicy?.allowedFirstAuthFactors ?? [];
  if (p.signInPolicy) {
    if (!factors.includes("PASSWORD"))
      issues.add(
        "pool.signInPolicy.allowedFirstAuthFactors",
        factors,
        "PASSWORD cannot be removed from the first factors",
      );
    const passwordless = factors.filter((f) => f !== "PASSWORD");
    if (passwordless.length > 0 && p.userPoolTier === "LITE")
      issues.add(
        "pool.signInPolicy.allowedFirstAuthFactors",
        factors,
        "passwordless first factors need userPoolTier ESSENTIALS or PLUS",
      );
    if (
      passwordless.length > 0 &&
      !Object.values(cfg.clients).some((c) => c.explicitAuthFlows?.includes("ALLOW_USER_AUTH"))
    )
      issues.add(
        "pool.signInPolicy.allowedFirstAuthFactors",
        factors,
        "passwordless first factors need a client whose explicitAuthFlows include ALLOW_USER_AUTH (choice-based sign-in)",
      );
    if (passwordless.length > 0 && p.mfaConfiguration === "ON")
      issues.add(
        "pool.signInPolicy.allowedFirstAuthFactors",
        factors,
        "passwordless first factors cannot be combined with mfaConfiguration ON",
      );
    if (factors.includes("EMAIL_OTP") && !ses)
      issues.add(
        "pool.signInPolicy.allowedFirstAuthFactors",
        factors,
        "EMAIL_OTP needs messaging.email.emailSendingAccount DEVELOPER (SES)",
      );
    if (factors.includes("SMS_OTP") && !sms)
      issues.add("pool.signInPolicy.allowedFirstAuthFactors", factors, "SMS_OTP needs messaging.sms.enabled");
    if (factors.includes("WEB_AUTHN")) {
      if (!cfg.domain.enabled || cfg.domain.managedLoginVersion !== 2)
        issues.add(
          "pool.signInPolicy.allowedFirstAuthFactors",
          factors,
          "WEB_AUTHN (passkeys) needs a domain with managedLoginVersion 2",
        );
    }
  }
  if (p.webAuthnConfiguration && !factors.includes("WEB_AUTHN")) {
    issues.add(
      "pool.webAuthnConfiguration",
      p.webAuthnConfiguration,
      "set only when signInPolicy.allowedFirstAuthFactors includes WEB_AUTHN",
    );
  }
  const rp = p.webAuthnConfiguration?.relyingPartyId;
  if (rp !== undefined && (/^[a-z]+:\/\//i.test(rp) || /^\d+\.\d+\.\d+\.\d+$/.test(rp))) {
    issues.add("pool.webAuthnConfiguration.relyingPartyId", rp, "must be a domain name, not a URL or IP address");
  }

  const mechanisms = p.accountRecoverySetting.recoveryMechanisms;
  if (new Set(mechanisms.map((m) => m.priority)).size !== mechanisms.length)
    issues.add("pool.accountRecoverySetting.recoveryMechanisms", mechanisms, "priorities must be unique");
  if (mechanisms.some((m) => m.name === "admin_only") && mechanisms.length > 1)
    issues.add(
      "pool.accountRecoverySetting.recoveryMechanisms",
      mechanisms,
      "admin_only cannot be combined with another mechanism",
    );

  if (ctx.isProduction) {
    if (p.deletionProtection !== "ACTIVE")
      issues.add(
        "pool.deletionProtection",
        p.deletionProtection,
        "production pools must have deletion protection ACTIVE",
      );
    if (!p.protect) issues.add("pool.protect", p.protect, "production pools must carry Pulumi protect");
  }
};

function missing(text: string, placeholders: string[]): string[] {
  return placeholders.filter((ph) => !text.includes(ph));
}

function smsTemplate(issues: IssueList, path: string, text: string | undefined, placeholders: string[]): void {
  if (text === undefined) return;
  const m = missing(text, placeholders);
  if (m.length) issues.add(path, text, `must contain ${m.join(" and ")}`);
  if (text.length > 140) issues.add(path, text, `SMS messages are limited to 140 characters (has ${text.length})`);
}

function emailTemplate(issues: IssueList, path: string, text: string | undefined, placeholders: string[]): void {
  if (text === undefined) return;
  const m = missing(text, placeholders);
  if (m.length) issues.add(path, text, `must contain ${m.join(" and ")}`);
  if (text.length < 6 || text.length > 20000) issues.add(path, text, "email messages must be 6-20000 characters");
}

function subject(issues: IssueList, path: string, text: string | undefined): void {
  if (text !== undefined && (text.length < 1 || text.length > 140))
    issues.add(path, text, "email subjects must be 1-140 characters");
}
