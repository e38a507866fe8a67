import type { PolicyResource } from "@pulumi/policy";
import { type CognitoRule, PRODUCTION_KNOBS, productionReason, upper } from "./common";
import { readConfig, schemaOf } from "./knobs";
import { linked, ofType, tryRead } from "./links";

/**
 * Type tokens this rule reads, kept here so the rule stays one file (policy/rules/types.ts holds
 * the @pulumi/aws ones): aws-native's replica and regional configuration, its user pool (whose
 * `keyConfiguration` a program may set directly), the KMS key, and this program's key
 * configuration (a dynamic resource: components/replication/key-configuration.ts).
 */
export const REPLICATION_TYPES = {
  replica: "aws-native:cognito:UserPoolReplica",
  regionalConfiguration: "aws-native:cognito:UserPoolRegionalConfigurationAttachment",
  nativeUserPool: "aws-native:cognito:UserPool",
  userPool: "aws:cognito/userPool:UserPool",
  kmsKey: "aws:kms/key:Key",
  keyConfiguration: "pulumi-nodejs:dynamic/cognito:UserPoolKeyConfiguration",
} as const;
const R = REPLICATION_TYPES;

/** A multi-Region key's id starts with `mrk-`, so an ARN alone tells (KMS developer guide, multi-Region keys). */
const MRK_ARN = /:key\/mrk-[0-9a-f]{32}$/;

/** The customer-managed key ARN the pool is encrypted with, as a function (it may be unknown in preview), or why there is none. */
function poolKey(
  pool: PolicyResource,
  resources: PolicyResource[],
): { read: () => unknown; from: PolicyResource } | string {
  if (pool.type === R.nativeUserPool) {
    const kc = pool.props.keyConfiguration as { keyType?: unknown; kmsKeyArn?: unknown } | undefined;
    if (upper(kc?.keyType) !== "CUSTOMER_MANAGED_KEY")
      return "its keyConfiguration.keyType is not CUSTOMER_MANAGED_KEY";
    return { read: () => kc?.kmsKeyArn, from: pool };
  }
  const configs = ofType(resources, R.keyConfiguration).filter(
    (c) => linked(c, "userPoolId", [pool], () => c.props.userPoolId).length > 0,
  );
  if (configs.length === 0) return "it has no key configuration (it stays on the AWS-owned key)";
  return { read: () => configs[0].props.kmsKeyArn, from: configs[0] };
}

/** Why the key is not a multi-Region key, or undefined when it is. */
function notMultiRegion(
  key: { read: () => unknown; from: PolicyResource },
  resources: PolicyResource[],
): string | undefined {
  const arn = tryRead(key.read);
  if (typeof arn.value === "string" && MRK_ARN.test(arn.value)) return undefined;
  const keys = linked(key.from, "kmsKeyArn", ofType(resources, R.kmsKey), key.read);
  if (keys.some((k) => k.props.multiRegion === true)) return undefined;
  if (keys.length > 0) return "its KMS key is not multiRegion";
  return `its key ${typeof arn.value === "string" ? arn.value : "(unknown)"} is not a multi-Region (mrk-) key`;
}

/** The regional configurations that serve this replica: same pool, and its region (provider) or its dependency on the replica. */
function regionalConfigurations(
  replica: PolicyResource,
  pool: PolicyResource,
  resources: PolicyResource[],
): PolicyResource[] {
  return ofType(resources, R.regionalConfiguration).filter((a) => {
    if (linked(a, "userPoolId", [pool], () => a.props.userPoolId).length === 0) return false;
    const region = a.provider?.props.region;
    if (typeof region === "string") return region === replica.props.regionName;
    return a.dependencies.includes(replica);
  });
}

/** A replicated production pool is encrypted with a customer-managed multi-Region key and configured in every replica region. */
export const userPoolReplication: CognitoRule = {
  name: "cognito-user-pool-replication",
  description:
    "In production, a user pool with multi-Region replicas is encrypted with a customer-managed multi-Region KMS key, and each replica has a regional configuration (email, SMS, triggers) in its region.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["cognito-auth:replication"],
  remediationSteps:
    "Set the pool's key configuration to a customer-managed multi-Region (mrk-) key, and add an aws-native UserPoolRegionalConfigurationAttachment in each replica's region (cognito-auth: replication).",
  configSchema: schemaOf(PRODUCTION_KNOBS),
  validateStack: (args, report) => {
    const replicas = ofType(args.resources, R.replica);
    if (replicas.length === 0) return args.notApplicable("the stack has no user pool replica");
    const pools = ofType(args.resources, R.userPool, R.nativeUserPool);
    const cfg = readConfig(PRODUCTION_KNOBS, args);
    const why = productionReason(
      cfg,
      args.stackTags,
      replicas.map((r) => r.urn).concat(pools.map((p) => p.urn)),
      () => pools[0]?.props.tags,
    );
    if (why === undefined) return args.notApplicable("not a production stack");
    const checked = new Set<PolicyResource>();
    for (const replica of replicas) {
      const region = String(replica.props.regionName);
      const [pool] = linked(replica, "userPoolId", pools, () => replica.props.userPoolId);
      if (!pool) {
        report(`Replica ${replica.name} (${region}) replicates no user pool of this stack.`, replica.urn);
        continue;
      }
      if (!checked.has(pool)) {
        checked.add(pool);
        const key = poolKey(pool, args.resources);
        const problem = typeof key === "string" ? key : notMultiRegion(key, args.resources);
        if (problem)
          report(
            `User pool ${pool.name} is replicated and production because ${why}, but ${problem}. Fix: encrypt it with a customer-managed multi-Region KMS key (cognito-auth key: replication.kmsKey).`,
            pool.urn,
          );
      }
      if (regionalConfigurations(replica, pool, args.resources).length === 0)
        report(
          `Replica ${replica.name} of ${pool.name} has no regional configuration in ${region}: during failover it would send no email or SMS and run no triggers as configured. Fix: add a UserPoolRegionalConfigurationAttachment in ${region} (cognito-auth key: replication.regional).`,
          replica.urn,
        );
    }
  },
};
