import { APPENDED_SUFFIX_LENGTH, defaultDomainPrefix, MAX_PREFIX_DOMAIN } from "../model/domain";
import type { RuleSet } from "./context";

/** Cognito's prefix rule: lowercase letters, digits and inner hyphens. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Words Cognito refuses in a prefix domain. */
const RESERVED = ["aws", "amazon", "cognito"];
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Hosted-UI domain: prefix rules, custom domain and certificate, managed-login branding. */
export const domainRules: RuleSet = (cfg, ctx, issues) => {
  const d = cfg.domain;
  if (!d.enabled) return;

  if (d.customDomain) {
    if (d.prefix !== undefined)
      issues.add("domain.prefix", d.prefix, "set domain.prefix or domain.customDomain, not both");
    const c = d.customDomain;
    if (!HOSTNAME.test(c.domainName))
      issues.add(
        "domain.customDomain.domainName",
        c.domainName,
        "must be a lowercase fully qualified domain name such as auth.example.com",
      );
    if (
      c.certificateArn !== undefined &&
      !/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(c.certificateArn)
    ) {
      issues.add(
        "domain.customDomain.certificateArn",
        c.certificateArn,
        "must be an ACM certificate ARN in us-east-1 (Cognito serves custom domains through CloudFront)",
      );
    }
    if (c.certificateArn === undefined && c.hostedZoneId === undefined) {
      issues.add(
        "domain.customDomain",
        c,
        "needs certificateArn (an ACM certificate in us-east-1) or hostedZoneId (to create and DNS-validate one)",
      );
    }
    if (c.hostedZoneId !== undefined && !/^Z[A-Z0-9]{1,32}$/.test(c.hostedZoneId)) {
      issues.add(
        "domain.customDomain.hostedZoneId",
        c.hostedZoneId,
        "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ",
      );
    }
  } else {
    const prefix = d.prefix ?? defaultDomainPrefix(ctx.stack);
    const derived = d.prefix === undefined ? ` (derived from stack name "${ctx.stack}"; set domain.prefix)` : "";
    const suffix = d.randomSuffix !== false ? APPENDED_SUFFIX_LENGTH : 0;
    if (prefix.length < 1 || prefix.length + suffix > MAX_PREFIX_DOMAIN) {
      const max = MAX_PREFIX_DOMAIN - suffix;
      issues.add(
        "domain.prefix",
        prefix,
        `must be 1-${max} characters${suffix ? ` (${MAX_PREFIX_DOMAIN} with the ${suffix}-character random suffix)` : ""}${derived}`,
      );
    }
    if (!PREFIX.test(prefix)) {
      issues.add(
        "domain.prefix",
        prefix,
        `must be lowercase letters, digits and hyphens, not starting or ending with a hyphen${derived}`,
      );
    }
    const reserved = RESERVED.filter((w) => prefix.includes(w));
    if (reserved.length > 0) {
      issues.add(
        "domain.prefix",
        prefix,
        `must not contain ${reserved.map((w) => `"${w}"`).join(", ")}: Cognito reserves aws, amazon and cognito${derived}`,
      );
    }
  }

  // Managed login (and so its branding) is not part of the Lite feature plan: only the classic hosted UI is.
  if (d.enabled && d.managedLoginVersion === 2 && cfg.pool.userPoolTier === "LITE") {
    issues.add(
      "domain.managedLoginVersion",
      2,
      "managed login (version 2) and its branding need pool.userPoolTier ESSENTIALS or PLUS; use 1 (classic hosted UI) with LITE",
    );
  }
  if (d.branding) {
    if (d.managedLoginVersion !== 2)
      issues.add("domain.branding", d.branding, "managed-login branding needs managedLoginVersion 2");
    if (d.branding.useCognitoProvidedValues && d.branding.settings) {
      issues.add("domain.branding.settings", "(set)", "set useCognitoProvidedValues or settings, not both");
    }
    if (d.branding.useCognitoProvidedValues === false && !d.branding.settings) {
      issues.add(
        "domain.branding.useCognitoProvidedValues",
        false,
        "without Cognito's provided values the style needs settings",
      );
    }
  }
};
