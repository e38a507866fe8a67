import type { RuleSet } from "./context";

/** Alarms that would watch a metric nothing publishes are refused rather than left silent. */
export const monitoringRules: RuleSet = (cfg, _ctx, issues) => {
  const m = cfg.monitoring;
  const t = m.thresholds;
  if (t?.wafBlockedRequests !== undefined && !cfg.waf.enabled)
    issues.add(
      "monitoring.thresholds.wafBlockedRequests",
      t.wafBlockedRequests,
      "needs waf.enabled: true (no web ACL, no BlockedRequests metric)",
    );
  if (t?.highRiskSignIns !== undefined && cfg.pool.userPoolAddOns.advancedSecurityMode === "OFF")
    issues.add(
      "monitoring.thresholds.highRiskSignIns",
      t.highRiskSignIns,
      "needs threat protection (pool.userPoolAddOns.advancedSecurityMode AUDIT or ENFORCED): Cognito publishes risk metrics only then",
    );
  if (!m.enabled && m.alarmEmails?.length)
    issues.add("monitoring.alarmEmails", m.alarmEmails, "needs monitoring.enabled: true");
};
