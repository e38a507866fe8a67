/**
 * The resolved model: what components, outputs and the emulator read. Every default is applied and
 * every derived fact computed here, once, after validation (config/load.ts) accepted the config.
 */
import type { Environment } from "../presets";
import type { StackConfig } from "../schema";
import type { ResourceServerConfig } from "../schema/clients";
import type { GroupConfig } from "../schema/groups";
import type { PoolConfig, SchemaAttribute } from "../schema/pool";
import type { SeedUserConfig } from "../schema/seed-users";
import type { TriggerName, TriggersConfig } from "../schema/triggers";
import { type AuthEventLogsModel, resolveAuthEventLogs } from "./auth-event-logs";
import { appClientKey, type ClientModel, resolveClient } from "./clients";
import { type DomainModel, resolveDomain } from "./domain";
import { type IdentityPoolModel, resolveIdentityPool } from "./identity-pool";
import { type IdentityProviderModel, resolveIdentityProvider } from "./identity-providers";
import { type MessagingModel, resolveMessaging } from "./messaging";
import { type MonitoringModel, resolveMonitoring } from "./monitoring";
import { resolvePool } from "./pool";
import { type ReplicationModel, resolveReplication } from "./replication";
import { type ApiModel, resolveApi, resolveTriggerFunctions, type TriggerFunctionsModel } from "./trigger-functions";
import { resolveWaf, type WafModel } from "./waf";

export { STANDARD_ATTRIBUTES } from "../schema/standard-attributes";
export type { AuthEventLogsModel } from "./auth-event-logs";
export type { BrandingModel, ClientKind, ClientModel } from "./clients";
export type { DomainModel } from "./domain";
export { APPENDED_SUFFIX_LENGTH, RANDOM_SUFFIX_LENGTH } from "./domain";
export type { IdentityPoolModel, PolicyStatement } from "./identity-pool";
export type { IdentityProviderModel, IdpConfigOf, IdpType } from "./identity-providers";
export type { MessagingModel } from "./messaging";
export type { AlarmThresholdsModel, MonitoringModel } from "./monitoring";
export type { ReplicaModel, ReplicationModel } from "./replication";
export type { ApiModel, TriggerFunctionsModel } from "./trigger-functions";
export { BUILT_FUNCTIONS, builtFunctionNames } from "./trigger-functions";
export type { WafModel } from "./waf";
export type { Environment };

/** The pool's settings; the presets leave none of them unset, config/model/pool.ts fills the ones that depend on other keys. */
export type PoolModel = PoolConfig;
export type CustomAttributeModel = SchemaAttribute;
export type GroupModel = GroupConfig;
export type SeedUserModel = SeedUserConfig;
export type TriggersModel = TriggersConfig;
export { TRIGGER_NAMES } from "../schema/triggers";
export type { TriggerName };

/** A resource server with its name defaulted to its key. */
export type ResourceServerModel = ResourceServerConfig & { name: string };

export interface StackModel {
  stack: string;
  /** The stack's AWS region. */
  region: string;
  environment: Environment;
  pool: PoolModel;
  messaging: MessagingModel;
  /** By config key. */
  clients: Record<string, ClientModel>;
  /** The client a browser or app front end uses (the `web` client, else the first public one). */
  appClientKey?: string;
  /** By config key; clients name their scopes `<key>/<scope>`. */
  resourceServers: Record<string, ResourceServerModel>;
  domain: DomainModel;
  /** By config key (= provider name). */
  identityProviders: Record<string, IdentityProviderModel>;
  /** By group name. */
  groups: Record<string, GroupModel>;
  /** Group names with their precedence, lowest (strongest) first. */
  groupsByPrecedence: Array<[name: string, precedence: number]>;
  identityPool: IdentityPoolModel;
  /** By username. */
  seedUsers: Record<string, SeedUserModel>;
  triggers: TriggersModel;
  /** Trigger functions the stack builds (triggers.functions), defaults applied. */
  triggerFunctions: TriggerFunctionsModel;
  /** The protected HTTP API; undefined when the stack has none. */
  api?: ApiModel;
  /** Multi-Region replication; undefined when the stack has none. */
  replication?: ReplicationModel;
  /** The web ACL in front of the pool; undefined when WAF is off. */
  waf?: WafModel;
  /** Cognito log export; undefined when off. */
  authEventLogs?: AuthEventLogsModel;
  /** Alarms and dashboard; undefined when off. */
  monitoring?: MonitoringModel;
  tags: Record<string, string>;
  /** Whether a config path (Pulumi `--path` form) was set as a Pulumi secret. */
  isSecret(path: string): boolean;
}

const mapValues = <T, U>(o: Record<string, T>, f: (v: T, k: string) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));

/** Turns a validated config into the model. */
export function resolveModel(
  c: StackConfig,
  stack: string,
  region: string,
  isSecret: (path: string) => boolean,
): StackModel {
  const triggerFunctions = resolveTriggerFunctions(c.triggers.functions, c.messaging, c.resourceServers, c.environment);
  const clients = withCustomAuth(
    mapValues(c.clients, (client, key) => resolveClient(key, client, c.resourceServers, c.domain)),
    triggerFunctions.customChallenge?.clients ?? [],
  );
  return {
    stack,
    region,
    environment: c.environment,
    pool: resolvePool(c.pool, c.triggers, c.environment),
    messaging: resolveMessaging(c.messaging, region),
    clients,
    appClientKey: appClientKey(clients),
    resourceServers: mapValues(c.resourceServers, (s, key) => ({ ...s, name: s.name ?? key })),
    domain: resolveDomain(c.domain, stack),
    identityProviders: mapValues(c.identityProviders, (p, key) => resolveIdentityProvider(key, p)),
    groups: c.groups,
    groupsByPrecedence: Object.entries(c.groups)
      .map(([g, v]): [string, number] => [g, v.precedence])
      .sort(([, a], [, b]) => a - b),
    identityPool: resolveIdentityPool(c.identityPool, clients),
    seedUsers: c.seedUsers,
    triggers: c.triggers,
    triggerFunctions,
    api: resolveApi(c.api, c.resourceServers),
    replication: resolveReplication(c.replication, c.messaging),
    waf: resolveWaf(c.waf, stack),
    authEventLogs: resolveAuthEventLogs(c.authEventLogs, c.pool, stack, c.environment),
    monitoring: resolveMonitoring(c.monitoring, stack, c.environment),
    tags: c.tags,
    isSecret,
  };
}

/**
 * The custom challenge's clients sign in through it only: ALLOW_CUSTOM_AUTH (which runs the SRP
 * password step first) and refresh. Leaving ALLOW_USER_SRP_AUTH or ALLOW_USER_PASSWORD_AUTH on would let
 * a caller take tokens without the one-time code, since Cognito runs the challenge triggers only for
 * CUSTOM_AUTH.
 */
function withCustomAuth(clients: Record<string, ClientModel>, keys: string[]): Record<string, ClientModel> {
  return mapValues(clients, (client, key) =>
    keys.includes(key)
      ? {
          ...client,
          explicitAuthFlows: [
            "ALLOW_CUSTOM_AUTH",
            ...client.explicitAuthFlows.filter((f) => f === "ALLOW_REFRESH_TOKEN_AUTH"),
          ],
        }
      : client,
  );
}
