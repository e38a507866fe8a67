import type { RecordedResource } from "../offline/recorded-resource";
import { RESOURCE_TYPES, type ResourceType } from "../offline/resource-types";
import type { RunResult } from "../offline/runner";
import { maskPaths } from "../offline/secrets";
import type { Violation } from "./evaluate-policies";
import { formatOperations } from "./operations";
import { shortType } from "./short-type";

/** The settings worth showing per resource type in the human plan; other types show none. */
export const KEY_SETTINGS: Readonly<Record<string, string[]>> = {
  [RESOURCE_TYPES.kmsKey]: ["multiRegion", "enableKeyRotation"],
  [RESOURCE_TYPES.kmsReplicaKey]: ["region"],
  [RESOURCE_TYPES.userPoolReplica]: ["regionName"],
  [RESOURCE_TYPES.userPoolRegionalConfiguration]: ["status", "emailConfiguration.emailSendingAccount"],
  [RESOURCE_TYPES.userPoolKeyConfiguration]: ["issuer"],
  [RESOURCE_TYPES.webAcl]: ["name", "scope"],
  [RESOURCE_TYPES.webAclLoggingConfiguration]: ["logDestinationConfigs"],
  [RESOURCE_TYPES.logGroup]: ["name", "retentionInDays"],
  [RESOURCE_TYPES.logDeliveryConfiguration]: ["logConfigurations"],
  [RESOURCE_TYPES.metricAlarm]: ["name", "comparisonOperator", "threshold"],
  [RESOURCE_TYPES.dashboard]: ["dashboardName"],
  [RESOURCE_TYPES.snsTopic]: ["name", "kmsMasterKeyId"],
  [RESOURCE_TYPES.snsTopicSubscription]: ["protocol"],
  [RESOURCE_TYPES.userPool]: [
    "name",
    "mfaConfiguration",
    "userPoolTier",
    "userPoolAddOns.advancedSecurityMode",
    "deletionProtection",
    "usernameAttributes",
    "passwordPolicy.minimumLength",
  ],
  [RESOURCE_TYPES.lambdaFunction]: ["runtime", "handler", "timeout"],
  [RESOURCE_TYPES.httpApi]: ["protocolType"],
  [RESOURCE_TYPES.apiAuthorizer]: ["authorizerType", "jwtConfiguration.issuer"],
  [RESOURCE_TYPES.apiRoute]: ["routeKey", "authorizationType", "authorizationScopes"],
  [RESOURCE_TYPES.apiStage]: ["name", "autoDeploy"],
  [RESOURCE_TYPES.userPoolClient]: [
    "name",
    "generateSecret",
    "allowedOauthFlows",
    "explicitAuthFlows",
    "callbackUrls",
    "supportedIdentityProviders",
  ],
  [RESOURCE_TYPES.userPoolDomain]: ["domain", "managedLoginVersion", "certificateArn"],
  [RESOURCE_TYPES.resourceServer]: ["identifier", "scopes"],
  [RESOURCE_TYPES.identityProvider]: ["providerName", "providerType"],
  [RESOURCE_TYPES.userGroup]: ["name", "precedence", "roleArn"],
  [RESOURCE_TYPES.user]: ["username", "messageAction"],
  [RESOURCE_TYPES.userInGroup]: ["username", "groupName"],
  [RESOURCE_TYPES.identityPool]: ["identityPoolName", "allowUnauthenticatedIdentities"],
  [RESOURCE_TYPES.riskConfiguration]: [
    "compromisedCredentialsRiskConfiguration.actions.eventAction",
    "compromisedCredentialsRiskConfiguration.eventFilters",
  ],
  [RESOURCE_TYPES.role]: ["description"],
  [RESOURCE_TYPES.lambdaPermission]: ["function", "principal"],
  [RESOURCE_TYPES.sesDomainIdentity]: ["domain"],
  [RESOURCE_TYPES.route53Record]: ["name", "type"],
  [RESOURCE_TYPES.certificate]: ["domainName", "validationMethod"],
  [RESOURCE_TYPES.randomId]: ["keepers"],
} satisfies Partial<Record<ResourceType, string[]>>;

function get(obj: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 70 ? `${s.slice(0, 67)}...` : s;
}

function settings(r: RecordedResource): string {
  const masked = maskPaths(r.inputs, r.secretPaths);
  return (KEY_SETTINGS[r.type] ?? [])
    .map((k) => [k, get(masked, k)] as const)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(" ");
}

export function formatPlanTable(run: RunResult): string {
  const rows = run.resources.map((r) => ({
    type: shortType(r.type),
    name: r.name,
    flags: [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : ""].filter(Boolean).join(","),
    settings: settings(r),
  }));
  const w = (k: "type" | "name" | "flags") => Math.max(k.length, ...rows.map((r) => r[k].length));
  const [wt, wn, wf] = [w("type"), w("name"), w("flags")];
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(wt)}  ${b.padEnd(wn)}  ${c.padEnd(wf)}  ${d}`.trimEnd();
  return [
    `Stack ${run.stack}: ${run.resources.filter((r) => r.custom).length} resources in ${run.resources.filter((r) => !r.custom).length} components (offline plan, nothing deployed)`,
    "",
    line("TYPE", "NAME", "FLAGS", "KEY SETTINGS"),
    ...rows.map((r) => line(r.type, r.name, r.flags, r.settings)),
    ...formatOperations(run.outputs),
  ].join("\n");
}

/** The `--json` document. Secret inputs and outputs are masked; `violations` come from the policy pack. */
export function planDocument(run: RunResult, violations: Violation[] = []): Record<string, unknown> {
  return {
    stack: run.stack,
    resources: run.resources.map((r) => ({
      type: r.type,
      name: r.name,
      urn: r.urn,
      parent: r.parent ?? null,
      inputs: maskPaths(r.inputs, r.secretPaths),
      // Which inputs are secret (their values print as [secret]), so a diff can say "changed" for them.
      secretPaths: r.secretPaths,
      protect: r.protect,
      retainOnDelete: r.retainOnDelete,
    })),
    outputs: maskPaths(run.outputs, run.secretOutputPaths),
    violations: violations.map((v) => ({
      policy: v.policy,
      level: v.level,
      severity: v.severity,
      resource: v.resource,
      message: v.message,
    })),
  };
}
