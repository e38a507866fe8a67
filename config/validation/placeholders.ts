import { joinPath } from "../paths";
import type { RuleSet } from "./context";

/** What the committed example stack files use where a team must put its own values. */
const PLACEHOLDER = /(^|[^a-z0-9-])example\.(com|org|net)\b|EXAMPLE/;

/**
 * A prod stack deployed for real must not carry the committed placeholders: a sender, SES domain,
 * Route 53 zone or callback URL at example.com would create protected, retained resources that
 * point nowhere. Offline plans and the emulator accept them (`allowPlaceholders`).
 */
export const placeholderRules: RuleSet = (cfg, ctx, issues) => {
  if (!ctx.isProduction || ctx.allowPlaceholders) return;
  const check = (path: string, value: string | undefined): void => {
    if (value !== undefined && PLACEHOLDER.test(value)) {
      issues.add(path, value, "is a placeholder from the example stack file; set your own value before deploying");
    }
  };
  const e = cfg.messaging.email;
  for (const k of ["fromEmailAddress", "replyToEmailAddress", "identity", "hostedZoneId", "sourceArn"] as const)
    check(`messaging.email.${k}`, e[k]);
  for (const [key, c] of Object.entries(cfg.clients)) {
    const at = joinPath(["clients", key]);
    for (const [i, u] of (c.callbackUrls ?? []).entries()) check(`${at}.callbackUrls[${i}]`, u);
    for (const [i, u] of (c.logoutUrls ?? []).entries()) check(`${at}.logoutUrls[${i}]`, u);
    check(`${at}.defaultRedirectUri`, c.defaultRedirectUri);
  }
  for (const [key, r] of Object.entries(cfg.resourceServers))
    check(`${joinPath(["resourceServers", key])}.identifier`, r.identifier);
  check("domain.customDomain.domainName", cfg.domain.customDomain?.domainName);
  check("domain.customDomain.hostedZoneId", cfg.domain.customDomain?.hostedZoneId);
};
