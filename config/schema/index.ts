import { z } from "zod";
import { apiConfig } from "./api";
import { authEventLogsConfig } from "./auth-event-logs";
import { clientConfig, resourceServerConfig } from "./clients";
import { domainConfig } from "./domain";
import { groupConfig } from "./groups";
import { identityPoolConfig } from "./identity-pool";
import { identityProviderConfig } from "./identity-providers";
import { messagingConfig } from "./messaging";
import { monitoringConfig } from "./monitoring";
import { poolConfig } from "./pool";
import { replicationConfig } from "./replication";
import { seedUserConfig } from "./seed-users";
import { triggersConfig } from "./triggers";
import { wafConfig } from "./waf";

/** Map keys (client, group, provider names ...) are also resource names. */
const key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,127}$/, "1-128 letters, digits, _ . @ + -");
const map = <T extends z.ZodType>(v: T) => z.record(key, v);

/** Every key under the `cognito-auth:` namespace, after the preset is merged in. */
export const stackConfig = z.strictObject({
  /** Preset the defaults come from; also decides production safeguards. */
  environment: z.enum(["dev", "prod"]),
  pool: poolConfig,
  messaging: messagingConfig,
  clients: map(clientConfig),
  resourceServers: map(resourceServerConfig),
  domain: domainConfig,
  identityProviders: map(identityProviderConfig),
  groups: map(groupConfig),
  identityPool: identityPoolConfig,
  seedUsers: z.record(z.string().min(1).max(128), seedUserConfig),
  triggers: triggersConfig,
  /** Multi-Region replication (config/schema/replication.ts); absent means none. */
  replication: replicationConfig.optional(),
  /** AWS WAF web ACL in front of the pool (config/schema/waf.ts). */
  waf: wafConfig,
  /** Cognito log export to CloudWatch Logs (config/schema/auth-event-logs.ts). */
  authEventLogs: authEventLogsConfig,
  /** Alarms, their SNS topic and a dashboard (config/schema/monitoring.ts). */
  monitoring: monitoringConfig,
  /** An HTTP API protected by the pool (config/schema/api.ts); absent means none. */
  api: apiConfig.optional(),
  tags: z.record(z.string().min(1).max(128), z.string().max(256)),
});

export type StackConfig = z.infer<typeof stackConfig>;
export const TOP_LEVEL_KEYS = Object.keys(stackConfig.shape) as Array<keyof StackConfig>;
