import type { RuleSet } from "./context";
import { LOG_RETENTION_DAYS, retentionMessage } from "./log-retention";

/**
 * WAF in front of the pool. Prod without WAF is not refused here: the policy pack's mandatory
 * `cognito-user-pool-waf` rule refuses it, so another team's stack that associates its own web ACL
 * is judged the same way.
 */
export const wafRules: RuleSet = (cfg, _ctx, issues) => {
  const w = cfg.waf;
  const days = w.logging?.retentionInDays;
  if (days !== undefined && !LOG_RETENTION_DAYS.includes(days))
    issues.add("waf.logging.retentionInDays", days, retentionMessage);
  if (!w.enabled) {
    for (const k of ["accountTakeoverPrevention", "accountCreationFraudPrevention"] as const)
      if (w[k]) issues.add(`waf.${k}`, w[k], "needs waf.enabled: true (the rule group lives in the web ACL)");
    if (w.logging) issues.add("waf.logging", w.logging, "needs waf.enabled: true");
  }
};
