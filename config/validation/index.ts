import { clientsRules } from "./clients";
import type { RuleSet } from "./context";
import { domainRules } from "./domain";
import { groupsRules } from "./groups";
import { identityPoolRules } from "./identity-pool";
import { identityProvidersRules } from "./identity-providers";
import { messagingRules } from "./messaging";
import { placeholderRules } from "./placeholders";
import { poolRules } from "./pool";
import { replicationRules } from "./replication";
import { seedUsersRules } from "./seed-users";
import { triggerFunctionsRules } from "./trigger-functions";
import { triggerRules } from "./triggers";

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
  placeholderRules,
];
