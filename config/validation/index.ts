import { authEventLogsRules } from "./auth-event-logs";
import { clientsRules } from "./clients";
import type { RuleSet } from "./context";
import { domainRules } from "./domain";
import { groupsRules } from "./groups";
import { identityPoolRules } from "./identity-pool";
import { identityProvidersRules } from "./identity-providers";
import { messagingRules } from "./messaging";
import { monitoringRules } from "./monitoring";
import { placeholderRules } from "./placeholders";
import { poolRules } from "./pool";
import { replicationRules } from "./replication";
import { seedUsersRules } from "./seed-users";
import { triggerFunctionsRules } from "./trigger-functions";
import { triggerRules } from "./triggers";
import { wafRules } from "./waf";

/** Every cross-field rule set; each runs on the whole parsed config and reports all it finds. */
export const RULE_SETS: RuleSet[] = [
  poolRules,
  messagingRules,
  triggerRules,
  triggerFunctionsRules,
  clientsRules,
  domainRules,
  identityProvidersRules,
  groupsRules,
  identityPoolRules,
  seedUsersRules,
  replicationRules,
  wafRules,
  authEventLogsRules,
  monitoringRules,
  placeholderRules,
];
