import type { RuleSet } from "./context";
import { LOG_RETENTION_DAYS, retentionMessage } from "./log-retention";

/** Cognito exports user authentication events only from PLUS pools (developer guide, "Exporting user pool logs"). */
export const authEventLogsRules: RuleSet = (cfg, _ctx, issues) => {
  const l = cfg.authEventLogs;
  const days = l.retentionInDays;
  if (days !== undefined && !LOG_RETENTION_DAYS.includes(days))
    issues.add("authEventLogs.retentionInDays", days, retentionMessage);
  if (l.userAuthEvents && cfg.pool.userPoolTier !== "PLUS")
    issues.add(
      "authEventLogs.userAuthEvents",
      true,
      `user authentication events are exported only from PLUS pools; this pool is ${cfg.pool.userPoolTier}`,
    );
  if (l.userAuthEvents !== undefined && !l.enabled)
    issues.add("authEventLogs.userAuthEvents", l.userAuthEvents, "needs authEventLogs.enabled: true");
};
