import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { asArray, type CognitoRule, upper } from "./common";
import { list, oneOf, readConfig, schemaOf } from "./knobs";
import { linked, ofType, tryRead } from "./links";
import { T } from "./types";

const POOL = T.userPool;
const RISK = T.riskConfiguration;

interface RiskConfigurations {
  /** Each pool with its pool-wide configurations. */
  pools: Array<{ pool: PolicyResource; configs: PolicyResource[] }>;
  /** Configurations scoped to one app client: they replace the pool's for that client. */
  clientScoped: PolicyResource[];
}

/** Whether the configuration is scoped to an app client; an unknown clientId is some client's id. */
function scopedToClient(rc: PolicyResource): boolean {
  const client = tryRead(() => rc.props.clientId);
  return client.unknown !== undefined || (client.value !== undefined && client.value !== null && client.value !== "");
}

function riskConfigurations(args: StackValidationArgs): RiskConfigurations {
  const pools = ofType(args.resources, POOL);
  if (pools.length === 0) return args.notApplicable("the stack has no user pool");
  const all = ofType(args.resources, RISK);
  const poolWide = all.filter((rc) => !scopedToClient(rc));
  return {
    pools: pools.map((pool) => ({
      pool,
      configs: poolWide.filter((rc) => linked(rc, "userPoolId", pools, () => rc.props.userPoolId).includes(pool)),
    })),
    clientScoped: all.filter(scopedToClient),
  };
}

/** `app client "<id>"`, or `an app client` while its id is unknown. */
function clientOf(rc: PolicyResource): string {
  const id = tryRead(() => rc.props.clientId).value;
  return typeof id === "string" ? `app client ${JSON.stringify(id)}` : "an app client";
}

const CLIENT_FIX = "in that configuration, or remove it so the pool's applies to the client";

/** Risk actions only run when threat protection is ENFORCED (AUDIT only logs). */
function enforced(pool: PolicyResource): boolean {
  return upper(pool.props.userPoolAddOns?.advancedSecurityMode) === "ENFORCED";
}

const NOT_ENFORCED =
  'has threat protection that is not ENFORCED, so no risk action runs. Fix: set userPoolAddOns.advancedSecurityMode "ENFORCED" (on aws.cognito.UserPool; cognito-auth key: pool.userPoolAddOns.advancedSecurityMode).';
const EVENTS = ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"] as const;

const compromisedKnobs = {
  requiredEventFilters: list(["SIGN_IN"], "Events on which compromised credentials must be blocked.", EVENTS),
};

/** U8: sign-ins with credentials known from breaches are blocked. */
export const compromisedCredentials: CognitoRule = {
  name: "cognito-risk-compromised-credentials",
  description:
    "Each user pool has a risk configuration that blocks compromised (breached) credentials at sign-in, with threat protection ENFORCED; so does each configuration scoped to one app client, which replaces the pool's for that client.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_blocks_compromised_credentials_sign_in_attempts"],
  remediationSteps:
    'Add an aws.cognito.RiskConfiguration for the pool with compromisedCredentialsRiskConfiguration.actions.eventAction "BLOCK" and eventFilters including SIGN_IN.',
  configSchema: schemaOf(compromisedKnobs),
  validateStack: (args, report) => {
    const { requiredEventFilters } = readConfig(compromisedKnobs, args);
    const blocks = (rc: PolicyResource): boolean => {
      const c = rc.props.compromisedCredentialsRiskConfiguration;
      if (upper(c?.actions?.eventAction) !== "BLOCK") return false;
      // Without eventFilters Cognito acts on every event.
      const filters = c.eventFilters === undefined ? [...EVENTS] : asArray(c.eventFilters).map((f) => upper(f));
      return requiredEventFilters.every((f) => filters.includes(f));
    };
    const fix = `set compromisedCredentialsRiskConfiguration.actions.eventAction "BLOCK" with eventFilters ${requiredEventFilters.join(", ")}`;
    const { pools, clientScoped } = riskConfigurations(args);
    for (const { pool, configs } of pools) {
      if (!enforced(pool)) report(`User pool ${pool.name} ${NOT_ENFORCED}`, pool.urn);
      if (configs.length === 0) {
        report(
          `User pool ${pool.name} has no risk configuration, so compromised credentials are not blocked. Fix: add one (on aws.cognito.UserPool; cognito-auth key: pool.riskConfiguration).`,
          pool.urn,
        );
        continue;
      }
      if (!configs.some(blocks)) {
        report(
          `User pool ${pool.name} does not block compromised credentials on ${requiredEventFilters.join(", ")}. Fix: ${fix} (on aws.cognito.UserPool; cognito-auth key: pool.riskConfiguration.compromisedCredentialsRiskConfiguration).`,
          pool.urn,
        );
      }
    }
    for (const rc of clientScoped.filter((c) => !blocks(c))) {
      report(
        `Risk configuration ${rc.name} replaces the pool's for ${clientOf(rc)} but does not block compromised credentials on ${requiredEventFilters.join(", ")}. Fix: ${fix} ${CLIENT_FIX}.`,
        rc.urn,
      );
    }
  },
};

const ACTIONS = ["NO_ACTION", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "BLOCK"] as const;
type Action = (typeof ACTIONS)[number];
const LEVELS = ["lowAction", "mediumAction", "highAction"] as const;

const takeoverKnobs = {
  lowAction: oneOf(ACTIONS, "BLOCK", "Least acceptable action at low risk (Prowler: BLOCK)."),
  mediumAction: oneOf(ACTIONS, "BLOCK", "Least acceptable action at medium risk (Prowler: BLOCK)."),
  highAction: oneOf(ACTIONS, "BLOCK", "Least acceptable action at high risk (Prowler: BLOCK)."),
};

/** NO_ACTION < MFA_IF_CONFIGURED < MFA_REQUIRED < BLOCK; an unknown action ranks lowest. */
function rank(a: unknown): number {
  return ACTIONS.indexOf((upper(a) ?? "NO_ACTION") as Action);
}

/** U9: account-takeover risk is acted on at every level, at least as strictly as configured. */
export const accountTakeover: CognitoRule = {
  name: "cognito-risk-account-takeover",
  description:
    "Each user pool's risk configuration, and each one scoped to an app client (it replaces the pool's for that client), acts on account-takeover risk at every level (low, medium, high) at least as strictly as configured, with threat protection ENFORCED.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["prowler:cognito_user_pool_blocks_potential_malicious_sign_in_attempts"],
  remediationSteps:
    "Set accountTakeoverRiskConfiguration.actions.{low,medium,high}Action.eventAction to the configured action or a stricter one.",
  configSchema: schemaOf(takeoverKnobs),
  validateStack: (args, report) => {
    const cfg = readConfig(takeoverKnobs, args);
    const weak = (configs: PolicyResource[]) =>
      LEVELS.filter(
        (level) =>
          !configs.some(
            (rc) => rank(rc.props.accountTakeoverRiskConfiguration?.actions?.[level]?.eventAction) >= rank(cfg[level]),
          ),
      );
    const { pools, clientScoped } = riskConfigurations(args);
    for (const { pool, configs } of pools) {
      if (!enforced(pool)) report(`User pool ${pool.name} ${NOT_ENFORCED}`, pool.urn);
      if (configs.length === 0) {
        report(
          `User pool ${pool.name} has no risk configuration, so account-takeover risk is not acted on. Fix: add one (on aws.cognito.UserPool; cognito-auth key: pool.riskConfiguration).`,
          pool.urn,
        );
        continue;
      }
      for (const level of weak(configs)) {
        report(
          `User pool ${pool.name}: account-takeover ${level} is weaker than ${cfg[level]}. Fix: set accountTakeoverRiskConfiguration.actions.${level}.eventAction to ${cfg[level]} or stricter (on aws.cognito.UserPool; cognito-auth key: pool.riskConfiguration.accountTakeoverRiskConfiguration.actions.${level}).`,
          pool.urn,
        );
      }
    }
    for (const rc of clientScoped) {
      for (const level of weak([rc])) {
        report(
          `Risk configuration ${rc.name} replaces the pool's for ${clientOf(rc)}, and its account-takeover ${level} is weaker than ${cfg[level]}. Fix: set accountTakeoverRiskConfiguration.actions.${level}.eventAction to ${cfg[level]} or stricter ${CLIENT_FIX}.`,
          rc.urn,
        );
      }
    }
  },
};
