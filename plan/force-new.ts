/**
 * Which input properties replace a resource when they change, per resource type the program
 * creates: the upstream provider's `ForceNew` (SDK v2) or `RequiresReplace` (plugin framework)
 * attributes, by their @pulumi/aws / @pulumi/random input names. Each entry names its source.
 * `region` is listed for the regional AWS types: the per-resource region of @pulumi/aws v7 (Terraform
 * provider v6 "enhanced region support") cannot move a resource: a new region is a new resource
 * (https://www.pulumi.com/dev/tutorials/aws-enhanced-region-support/, "replacement behavior").
 */
import { RESOURCE_TYPES, type ResourceType } from "../offline/resource-types";

/** A list Cognito only appends to: adding an element is an update, removing or changing one fails. */
export interface AddOnlyList {
  /** Input path of the list (`schemas`). */
  readonly path: string;
  /** Element field that names an element in messages (`name`). */
  readonly key: string;
  readonly source: string;
}

export interface ForceNewRule {
  /** Input property paths whose change replaces the resource (a change below or above one counts). */
  readonly paths: readonly string[];
  /** Where the list comes from: upstream file and attribute names. */
  readonly source: string;
  readonly addOnly?: readonly AddOnlyList[];
}

export type ForceNewTable = Readonly<Record<string, ForceNewRule>>;

const TF = "hashicorp/terraform-provider-aws";
const RANDOM = "hashicorp/terraform-provider-random";
const STRING_LIKE = [
  "keepers",
  "length",
  "special",
  "upper",
  "lower",
  "number",
  "numeric",
  "minNumeric",
  "minUpper",
  "minLower",
  "minSpecial",
  "overrideSpecial",
];

export const FORCE_NEW: Readonly<Record<ResourceType, ForceNewRule>> = {
  [RESOURCE_TYPES.awsProvider]: {
    paths: ["region"],
    source:
      "pulumi/pulumi-aws#4000: a provider whose region changes is replaced, and with it every resource it manages (DiffConfig)",
  },
  [RESOURCE_TYPES.randomProvider]: { paths: [], source: `${RANDOM}: the provider has no configuration` },
  [RESOURCE_TYPES.awsNativeProvider]: {
    paths: ["region"],
    source:
      "as pulumi/pulumi-aws#4000 for the aws provider (inference for aws-native): a provider whose region changes is replaced, with every resource it manages",
  },
  [RESOURCE_TYPES.kmsKey]: {
    paths: ["multiRegion", "customerMasterKeySpec", "keyUsage", "customKeyStoreId", "xksKeyId", "region"],
    source: `${TF} internal/service/kms/key.go: ForceNew on multi_region, customer_master_key_spec, key_usage, custom_key_store_id, xks_key_id`,
  },
  [RESOURCE_TYPES.kmsReplicaKey]: {
    paths: ["primaryKeyArn", "region"],
    source: `${TF} internal/service/kms/replica_key.go: ForceNew on primary_key_arn`,
  },
  [RESOURCE_TYPES.userPoolReplica]: {
    paths: ["regionName", "userPoolId", "userPoolTagsAtCreate"],
    source:
      "@pulumi/aws-native 1.79.0 cognito/userPoolReplica.js: replaceOnChanges regionName, userPoolId, userPoolTagsAtCreate.*",
  },
  [RESOURCE_TYPES.userPoolRegionalConfiguration]: {
    paths: ["userPoolId"],
    source: "@pulumi/aws-native 1.79.0 cognito/userPoolRegionalConfigurationAttachment.js: replaceOnChanges userPoolId",
  },
  [RESOURCE_TYPES.userPoolKeyConfiguration]: {
    paths: ["userPoolId"],
    source: "components/replication/key-configuration.ts: its diff replaces on userPoolId (a new pool)",
  },
  [RESOURCE_TYPES.webAcl]: {
    paths: ["name", "namePrefix", "scope", "region"],
    source: `${TF} internal/service/wafv2/web_acl.go: ForceNew on name, name_prefix, scope`,
  },
  [RESOURCE_TYPES.webAclAssociation]: {
    paths: ["resourceArn", "webAclArn", "region"],
    source: `${TF} internal/service/wafv2/web_acl_association.go: ForceNew on resource_arn, web_acl_arn (no update)`,
  },
  [RESOURCE_TYPES.webAclLoggingConfiguration]: {
    paths: ["resourceArn", "region"],
    source: `${TF} internal/service/wafv2/web_acl_logging_configuration.go: ForceNew on resource_arn`,
  },
  [RESOURCE_TYPES.logGroup]: {
    paths: ["name", "namePrefix", "logGroupClass", "region"],
    source: `${TF} internal/service/logs/group.go: ForceNew on name, name_prefix, log_group_class`,
  },
  [RESOURCE_TYPES.logResourcePolicy]: {
    paths: ["policyName", "region"],
    source: `${TF} internal/service/logs/resource_policy.go: ForceNew on policy_name`,
  },
  [RESOURCE_TYPES.logDeliveryConfiguration]: {
    paths: ["userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/log_delivery_configuration.go: RequiresReplace on user_pool_id`,
  },
  [RESOURCE_TYPES.metricAlarm]: {
    paths: ["name", "region"],
    source: `${TF} internal/service/cloudwatch/metric_alarm.go: ForceNew on alarm_name`,
  },
  [RESOURCE_TYPES.dashboard]: {
    paths: ["dashboardName", "region"],
    source: `${TF} internal/service/cloudwatch/dashboard.go: ForceNew on dashboard_name`,
  },
  [RESOURCE_TYPES.snsTopic]: {
    paths: ["name", "namePrefix", "fifoTopic", "region"],
    source: `${TF} internal/service/sns/topic.go: ForceNew on name, name_prefix, fifo_topic`,
  },
  [RESOURCE_TYPES.snsTopicPolicy]: {
    paths: ["arn", "region"],
    source: `${TF} internal/service/sns/topic_policy.go: ForceNew on arn`,
  },
  [RESOURCE_TYPES.snsTopicSubscription]: {
    paths: ["topic", "protocol", "endpoint", "region"],
    source: `${TF} internal/service/sns/topic_subscription.go: ForceNew on topic_arn, protocol, endpoint`,
  },
  [RESOURCE_TYPES.userPool]: {
    paths: ["name", "aliasAttributes", "usernameAttributes", "usernameConfiguration.caseSensitive", "region"],
    source: `${TF} internal/service/cognitoidp/user_pool.go: ForceNew on name, alias_attributes, username_attributes, username_configuration.case_sensitive`,
    addOnly: [
      {
        path: "schemas",
        key: "name",
        source: `${TF} user_pool.go resourceUserPoolUpdate: schema is not ForceNew; an add-only change calls AddCustomAttributes, any other fails with "cannot modify or remove schema items"`,
      },
    ],
  },
  [RESOURCE_TYPES.userPoolClient]: {
    paths: ["userPoolId", "generateSecret", "region"],
    source: `${TF} internal/service/cognitoidp/user_pool_client.go: ForceNew on user_pool_id, generate_secret`,
  },
  [RESOURCE_TYPES.userPoolDomain]: {
    paths: ["domain", "userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/user_pool_domain.go: ForceNew on domain, user_pool_id (certificate_arn updates in place through UpdateUserPoolDomain)`,
  },
  [RESOURCE_TYPES.resourceServer]: {
    paths: ["identifier", "name", "userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/resource_server.go: ForceNew on identifier, name, user_pool_id`,
  },
  [RESOURCE_TYPES.identityProvider]: {
    paths: ["providerName", "providerType", "userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/identity_provider.go: ForceNew on provider_name, provider_type, user_pool_id`,
  },
  [RESOURCE_TYPES.userGroup]: {
    paths: ["name", "userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/user_group.go: ForceNew on name, user_pool_id`,
  },
  [RESOURCE_TYPES.user]: {
    paths: ["username", "userPoolId", "region"],
    source: `${TF} internal/service/cognitoidp/user.go: ForceNew on username, user_pool_id`,
  },
  [RESOURCE_TYPES.userInGroup]: {
    paths: ["groupName", "userPoolId", "username", "region"],
    source: `${TF} internal/service/cognitoidp/user_in_group.go: ForceNew on group_name, user_pool_id, username (no update)`,
  },
  [RESOURCE_TYPES.riskConfiguration]: {
    paths: ["userPoolId", "clientId", "region"],
    source: `${TF} internal/service/cognitoidp/risk_configuration.go: ForceNew on user_pool_id, client_id`,
  },
  [RESOURCE_TYPES.managedLoginBranding]: {
    paths: ["clientId", "userPoolId", "assets", "region"],
    source: `${TF} internal/service/cognitoidp/managed_login_branding.go: RequiresReplace on client_id, user_pool_id, asset`,
  },
  [RESOURCE_TYPES.identityPool]: {
    paths: ["identityPoolName", "developerProviderName", "region"],
    source: `${TF} internal/service/cognitoidentity/pool.go: ForceNew on identity_pool_name, developer_provider_name`,
  },
  [RESOURCE_TYPES.identityPoolRoleAttachment]: {
    paths: ["identityPoolId", "roles", "region"],
    source: `${TF} internal/service/cognitoidentity/pool_roles_attachment.go: ForceNew on identity_pool_id, roles`,
  },
  [RESOURCE_TYPES.role]: {
    paths: ["name", "namePrefix", "path"],
    source: `${TF} internal/service/iam/role.go: ForceNew on name, name_prefix, path (IAM is global: no region)`,
  },
  [RESOURCE_TYPES.rolePolicy]: {
    paths: ["name", "namePrefix", "role"],
    source: `${TF} internal/service/iam/role_policy.go: ForceNew on name, name_prefix, role`,
  },
  [RESOURCE_TYPES.rolePolicyAttachment]: {
    paths: ["role", "policyArn"],
    source: `${TF} internal/service/iam/role_policy_attachment.go: ForceNew on role, policy_arn (no update)`,
  },
  [RESOURCE_TYPES.lambdaPermission]: {
    paths: [
      "action",
      "eventSourceToken",
      "function",
      "functionUrlAuthType",
      "invokedViaFunctionUrl",
      "principal",
      "principalOrgId",
      "qualifier",
      "sourceAccount",
      "sourceArn",
      "statementId",
      "statementIdPrefix",
      "region",
    ],
    source: `${TF} internal/service/lambda/permission.go: every argument ForceNew (no update)`,
  },
  [RESOURCE_TYPES.lambdaFunction]: {
    paths: ["name", "packageType", "region"],
    source: `${TF} internal/service/lambda/function.go: ForceNew on function_name, package_type`,
  },
  [RESOURCE_TYPES.httpApi]: {
    paths: ["protocolType", "region"],
    source: `${TF} internal/service/apigatewayv2/api.go: ForceNew on protocol_type`,
  },
  [RESOURCE_TYPES.apiAuthorizer]: {
    paths: ["apiId", "region"],
    source: `${TF} internal/service/apigatewayv2/authorizer.go: ForceNew on api_id`,
  },
  [RESOURCE_TYPES.apiIntegration]: {
    paths: ["apiId", "integrationType", "region"],
    source: `${TF} internal/service/apigatewayv2/integration.go: ForceNew on api_id, integration_type`,
  },
  [RESOURCE_TYPES.apiRoute]: {
    paths: ["apiId", "region"],
    source: `${TF} internal/service/apigatewayv2/route.go: ForceNew on api_id`,
  },
  [RESOURCE_TYPES.apiStage]: {
    paths: ["apiId", "name", "region"],
    source: `${TF} internal/service/apigatewayv2/stage.go: ForceNew on api_id, name`,
  },
  [RESOURCE_TYPES.sesDomainIdentity]: {
    paths: ["domain", "region"],
    source: `${TF} internal/service/ses/domain_identity.go: ForceNew on domain`,
  },
  [RESOURCE_TYPES.sesDomainIdentityVerification]: {
    paths: ["domain", "region"],
    source: `${TF} internal/service/ses/domain_identity_verification.go: ForceNew on domain (no update)`,
  },
  [RESOURCE_TYPES.sesDomainDkim]: {
    paths: ["domain", "region"],
    source: `${TF} internal/service/ses/domain_dkim.go: ForceNew on domain (no update)`,
  },
  [RESOURCE_TYPES.certificate]: {
    paths: [
      "domainName",
      "subjectAlternativeNames",
      "validationMethod",
      "validationOptions",
      "keyAlgorithm",
      "certificateAuthorityArn",
      "region",
    ],
    source: `${TF} internal/service/acm/certificate.go: ForceNew on domain_name, subject_alternative_names, validation_method, validation_option, key_algorithm, certificate_authority_arn`,
  },
  [RESOURCE_TYPES.certificateValidation]: {
    paths: ["certificateArn", "validationRecordFqdns", "region"],
    source: `${TF} internal/service/acm/certificate_validation.go: ForceNew on certificate_arn, validation_record_fqdns (no update)`,
  },
  [RESOURCE_TYPES.route53Record]: {
    paths: ["name", "zoneId"],
    source: `${TF} internal/service/route53/record.go: ForceNew on name, zone_id (type and records update in place)`,
  },
  [RESOURCE_TYPES.randomId]: {
    paths: ["keepers", "byteLength", "prefix"],
    source: `${RANDOM} internal/provider/resource_id.go: RequiresReplace on keepers, byte_length, prefix`,
  },
  [RESOURCE_TYPES.randomString]: {
    paths: STRING_LIKE,
    source: `${RANDOM} internal/provider/string.go (random_string): ForceNew on keepers and every generation setting`,
  },
  [RESOURCE_TYPES.randomPassword]: {
    paths: STRING_LIKE,
    source: `${RANDOM} internal/provider/string.go (random_password): ForceNew on keepers and every generation setting`,
  },
  [RESOURCE_TYPES.randomUuid]: {
    paths: ["keepers"],
    source: `${RANDOM} internal/provider/resource_uuid.go: RequiresReplace on keepers`,
  },
};

/** True when `path` is `prefix` or lies below it (`a.b`, `a[0]` under `a`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The changed paths that replace a resource of this type: at, below or above a force-new property. */
export function forcingPaths(rule: ForceNewRule | undefined, changed: readonly string[]): string[] {
  if (!rule) return [];
  return changed.filter((p) => rule.paths.some((f) => isUnder(p, f) || isUnder(f, p)));
}
