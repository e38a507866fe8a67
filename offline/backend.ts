import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { INVOKES, type Invoke, RESOURCE_TYPES, type ResourceType } from "./resource-types";

export type ResourceArgs = pulumi.runtime.MockResourceArgs;
export type CallArgs = pulumi.runtime.MockCallArgs;

/** What the offline runner asks for each custom resource and each invoke. */
export interface ResourceBackend {
  /** Create the resource; return its physical id and full state (inputs plus computed attributes). */
  newResource(args: ResourceArgs): Promise<{ id: string; state: Record<string, unknown> }>;
  /** Answer an invoke (`aws:index/getRegion:getRegion` ...). Must throw on tokens it does not know. */
  call(args: CallArgs): Promise<Record<string, unknown>>;
}

export const OFFLINE_ACCOUNT = "123456789012";

function digest(s: string, n: number): string {
  return createHash("sha256").update(s).digest("hex").slice(0, n);
}

type Inputs = Record<string, unknown>;
type Computed = (name: string, inputs: Inputs, region: string) => { id: string; extra: Record<string, unknown> };

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown, d: number): number => (typeof v === "number" ? v : d);

/** A deterministic password of the requested length that meets the requested character minimums. */
export function offlinePassword(name: string, inputs: Inputs): string {
  const length = num(inputs.length, 16);
  const special = str(inputs.overrideSpecial) || "!#%*-_";
  const need = [
    "ABCDEFGHJKLMNPQRSTUVWXYZ".repeat(1).slice(0, Math.max(num(inputs.minUpper, 0), 1)),
    "abcdefghijkmnopqrstuvwxyz".slice(0, Math.max(num(inputs.minLower, 0), 1)),
    "23456789".slice(0, Math.max(num(inputs.minNumeric, 0), 1)),
    inputs.special === false ? "" : special.slice(0, Math.max(num(inputs.minSpecial, 0), 1)),
  ].join("");
  const filler = digest(name, 64);
  return (need + filler).slice(0, Math.max(length, need.length));
}

const arn = (region: string, service: string, resource: string): string =>
  `arn:aws:${service}:${region}:${OFFLINE_ACCOUNT}:${resource}`;

/** The types the offline backend mocks: all but the random provider, which the program never registers. */
type OfflineType = Exclude<ResourceType, typeof RESOURCE_TYPES.randomProvider>;

/** Computed attributes per resource type; a type not listed here is refused. */
const COMPUTED: Readonly<Record<string, Computed>> = {
  [RESOURCE_TYPES.awsProvider]: (name) => ({ id: `provider-${name}`, extra: {} }),
  [RESOURCE_TYPES.awsNativeProvider]: (name) => ({ id: `provider-${name}`, extra: {} }),
  [RESOURCE_TYPES.kmsKey]: (name, i, region) => {
    // Only multi-Region keys have `mrk-` ids; a single-Region key id is a UUID.
    const h = digest(name, 32);
    const keyId =
      i.multiRegion === true
        ? `mrk-${h}`
        : `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return { id: keyId, extra: { keyId, arn: arn(region, "kms", `key/${keyId}`) } };
  },
  [RESOURCE_TYPES.kmsReplicaKey]: (_n, i, region) => {
    // A replica key has the primary's key id, in its own region.
    const keyId = str(i.primaryKeyArn).split("/").pop() ?? "";
    return { id: keyId, extra: { keyId, arn: arn(region, "kms", `key/${keyId}`) } };
  },
  [RESOURCE_TYPES.userPoolReplica]: (_n, i) => ({ id: `${str(i.userPoolId)}|${str(i.regionName)}`, extra: {} }),
  [RESOURCE_TYPES.userPoolRegionalConfiguration]: (_n, i) => ({
    id: str(i.userPoolId),
    extra: { status: str(i.status) || "INACTIVE" },
  }),
  [RESOURCE_TYPES.userPoolKeyConfiguration]: (_n, i) => ({ id: str(i.userPoolId), extra: {} }),
  [RESOURCE_TYPES.webAcl]: (name, i, region) => {
    const aclName = str(i.name) || name;
    const h = digest(name, 32);
    const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return { id, extra: { name: aclName, arn: arn(region, "wafv2", `regional/webacl/${aclName}/${id}`) } };
  },
  [RESOURCE_TYPES.webAclAssociation]: (_n, i) => ({ id: `${str(i.webAclArn)},${str(i.resourceArn)}`, extra: {} }),
  [RESOURCE_TYPES.webAclLoggingConfiguration]: (_n, i) => ({ id: str(i.resourceArn), extra: {} }),
  [RESOURCE_TYPES.logGroup]: (name, i, region) => {
    const groupName = str(i.name) || name;
    return { id: groupName, extra: { name: groupName, arn: arn(region, "logs", `log-group:${groupName}`) } };
  },
  [RESOURCE_TYPES.logResourcePolicy]: (name, i) => ({ id: str(i.policyName) || name, extra: {} }),
  [RESOURCE_TYPES.logDeliveryConfiguration]: (_n, i) => ({ id: str(i.userPoolId), extra: {} }),
  [RESOURCE_TYPES.metricAlarm]: (name, i, region) => {
    const alarmName = str(i.name) || name;
    return { id: alarmName, extra: { name: alarmName, arn: arn(region, "cloudwatch", `alarm:${alarmName}`) } };
  },
  [RESOURCE_TYPES.dashboard]: (name, i) => {
    const dashboardName = str(i.dashboardName) || name;
    return {
      id: dashboardName,
      extra: { dashboardName, dashboardArn: `arn:aws:cloudwatch::${OFFLINE_ACCOUNT}:dashboard/${dashboardName}` },
    };
  },
  [RESOURCE_TYPES.snsTopic]: (name, i, region) => {
    const topicName = str(i.name) || name;
    const topicArn = arn(region, "sns", topicName);
    return { id: topicArn, extra: { name: topicName, arn: topicArn } };
  },
  [RESOURCE_TYPES.snsTopicPolicy]: (_n, i) => ({ id: str(i.arn), extra: {} }),
  [RESOURCE_TYPES.snsTopicSubscription]: (name, i) => {
    const h = digest(name, 32);
    const subscriptionArn = `${str(i.topic)}:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return { id: subscriptionArn, extra: { arn: subscriptionArn, pendingConfirmation: true } };
  },
  [RESOURCE_TYPES.userPool]: (name, _i, region) => {
    const id = `${region}_${digest(name, 9)}`;
    return {
      id,
      extra: {
        arn: arn(region, "cognito-idp", `userpool/${id}`),
        endpoint: `cognito-idp.${region}.amazonaws.com/${id}`,
      },
    };
  },
  [RESOURCE_TYPES.userPoolClient]: (name, i) => ({
    id: digest(`client-${name}`, 26),
    extra: i.generateSecret ? { clientSecret: pulumi.secret(digest(`secret-${name}`, 51)) } : {},
  }),
  [RESOURCE_TYPES.userPoolDomain]: (name, i) => ({
    id: str(i.domain) || name,
    extra: {
      cloudfrontDistribution: `d${digest(name, 13)}.cloudfront.net`,
      cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2",
      awsAccountId: OFFLINE_ACCOUNT,
    },
  }),
  [RESOURCE_TYPES.resourceServer]: (_n, i) => ({
    id: `${str(i.userPoolId)}|${str(i.identifier)}`,
    extra: {
      scopeIdentifiers: Array.isArray(i.scopes)
        ? (i.scopes as Inputs[]).map((s) => `${str(i.identifier)}/${str(s.scopeName)}`)
        : [],
    },
  }),
  [RESOURCE_TYPES.identityProvider]: (_n, i) => ({
    id: `${str(i.userPoolId)}:${str(i.providerName)}`,
    extra: {},
  }),
  [RESOURCE_TYPES.userGroup]: (_n, i) => ({ id: `${str(i.userPoolId)}/${str(i.name)}`, extra: {} }),
  [RESOURCE_TYPES.user]: (name, i) => ({
    id: `${str(i.userPoolId)}/${str(i.username)}`,
    extra: { sub: `${digest(name, 8)}-0000-4000-8000-${digest(`${name}sub`, 12)}`, status: "FORCE_CHANGE_PASSWORD" },
  }),
  [RESOURCE_TYPES.userInGroup]: (_n, i) => ({
    id: `${str(i.userPoolId)}/${str(i.groupName)}/${str(i.username)}`,
    extra: {},
  }),
  [RESOURCE_TYPES.riskConfiguration]: (_n, i) => ({ id: str(i.userPoolId), extra: {} }),
  [RESOURCE_TYPES.managedLoginBranding]: (name) => ({
    id: digest(name, 36),
    extra: { managedLoginBrandingId: digest(name, 36) },
  }),
  [RESOURCE_TYPES.identityPool]: (name, _i, region) => {
    const id = `${region}:${digest(name, 8)}-0000-4000-8000-${digest(name, 12)}`;
    return { id, extra: { arn: arn(region, "cognito-identity", `identitypool/${id}`) } };
  },
  [RESOURCE_TYPES.identityPoolRoleAttachment]: (_n, i) => ({
    id: str(i.identityPoolId),
    extra: {},
  }),
  [RESOURCE_TYPES.role]: (name, i) => {
    const roleName = str(i.name) || `${name}-${digest(name, 7)}`;
    return {
      id: roleName,
      extra: {
        name: roleName,
        arn: `arn:aws:iam::${OFFLINE_ACCOUNT}:role/${roleName}`,
        uniqueId: `AROA${digest(name, 17).toUpperCase()}`,
      },
    };
  },
  [RESOURCE_TYPES.rolePolicy]: (name, i) => ({ id: `${str(i.role)}:${str(i.name) || name}`, extra: {} }),
  [RESOURCE_TYPES.rolePolicyAttachment]: (_n, i) => ({
    id: `${str(i.role)}/${str(i.policyArn)}`,
    extra: {},
  }),
  [RESOURCE_TYPES.lambdaPermission]: (name, i) => ({ id: str(i.statementId) || name, extra: {} }),
  [RESOURCE_TYPES.lambdaFunction]: (name, i, region) => {
    const fn = str(i.name) || `${name}-${digest(name, 7)}`;
    const fnArn = arn(region, "lambda", `function:${fn}`);
    return {
      id: fn,
      extra: {
        name: fn,
        arn: fnArn,
        invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
      },
    };
  },
  [RESOURCE_TYPES.httpApi]: (name, _i, region) => {
    const apiId = digest(name, 10);
    return {
      id: apiId,
      extra: {
        apiEndpoint: `https://${apiId}.execute-api.${region}.amazonaws.com`,
        executionArn: arn(region, "execute-api", apiId),
        arn: `arn:aws:apigateway:${region}::/apis/${apiId}`,
      },
    };
  },
  [RESOURCE_TYPES.apiAuthorizer]: (name) => ({ id: digest(name, 6), extra: {} }),
  [RESOURCE_TYPES.apiIntegration]: (name) => ({ id: digest(name, 7), extra: {} }),
  [RESOURCE_TYPES.apiRoute]: (name) => ({ id: digest(name, 7), extra: {} }),
  [RESOURCE_TYPES.apiStage]: (_n, i, region) => ({
    id: str(i.name),
    extra: { invokeUrl: `https://${str(i.apiId)}.execute-api.${region}.amazonaws.com/` },
  }),
  [RESOURCE_TYPES.sesDomainIdentity]: (name, i, region) => ({
    id: str(i.domain),
    extra: {
      arn: arn(region, "ses", `identity/${str(i.domain)}`),
      verificationToken: Buffer.from(digest(name, 32), "hex").toString("base64"),
    },
  }),
  [RESOURCE_TYPES.sesDomainIdentityVerification]: (_n, i, region) => ({
    id: str(i.domain),
    extra: { arn: arn(region, "ses", `identity/${str(i.domain)}`) },
  }),
  [RESOURCE_TYPES.sesDomainDkim]: (name, i) => ({
    id: str(i.domain),
    extra: { dkimTokens: [0, 1, 2].map((n) => digest(`${name}-dkim-${n}`, 32)) },
  }),
  [RESOURCE_TYPES.certificate]: (name, i) => ({
    id: arn("us-east-1", "acm", `certificate/${digest(name, 36)}`),
    extra: {
      arn: arn("us-east-1", "acm", `certificate/${digest(name, 36)}`),
      domainValidationOptions: [
        {
          domainName: str(i.domainName),
          resourceRecordName: `_${digest(name, 32)}.${str(i.domainName)}.`,
          resourceRecordType: "CNAME",
          resourceRecordValue: `_${digest(`${name}v`, 32)}.acm-validations.aws.`,
        },
      ],
    },
  }),
  [RESOURCE_TYPES.certificateValidation]: (_n, i) => ({ id: str(i.certificateArn), extra: {} }),
  [RESOURCE_TYPES.route53Record]: (_n, i) => ({
    id: `${str(i.zoneId)}_${str(i.name)}_${str(i.type)}`,
    extra: { fqdn: str(i.name) },
  }),
  [RESOURCE_TYPES.randomId]: (name, i) => {
    const hex = digest(name, num(i.byteLength, 4) * 2);
    return {
      id: hex,
      extra: {
        hex,
        dec: BigInt(`0x${hex}`).toString(),
        b64Url: Buffer.from(hex, "hex").toString("base64url"),
        b64Std: Buffer.from(hex, "hex").toString("base64"),
      },
    };
  },
  [RESOURCE_TYPES.randomString]: (name, i) => {
    const result = digest(name, num(i.length, 8));
    return { id: "none", extra: { result: i.upper === false ? result.toLowerCase() : result } };
  },
  [RESOURCE_TYPES.randomPassword]: (name, i) => ({
    id: "none",
    extra: { result: pulumi.secret(offlinePassword(name, i)) },
  }),
  [RESOURCE_TYPES.randomUuid]: (name) => {
    const h = digest(name, 32);
    const result = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
    return { id: result, extra: { result } };
  },
} satisfies Record<OfflineType, Computed>;

/** Resource types the offline backend can stand in for. */
export const OFFLINE_TYPES: readonly string[] = Object.keys(COMPUTED);

type Answer = (args: CallArgs, region: string) => Record<string, unknown>;

/** Invokes the offline backend answers. */
const CALLS: Readonly<Record<string, Answer>> = {
  [INVOKES.getRegion]: (_a, region) => ({ name: region, region, id: region }),
  [INVOKES.getCallerIdentity]: () => ({
    accountId: OFFLINE_ACCOUNT,
    arn: `arn:aws:iam::${OFFLINE_ACCOUNT}:user/offline`,
    id: OFFLINE_ACCOUNT,
    userId: "AIDAOFFLINE",
  }),
  [INVOKES.getPartition]: () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
} satisfies Record<Invoke, Answer>;

/** Invoke tokens the offline backend answers. */
export const OFFLINE_INVOKES: readonly string[] = Object.keys(CALLS);

/** Stands in for AWS with deterministic ids and computed attributes; throws on anything it does not know. */
export function offlineBackend(region: string): ResourceBackend {
  return {
    async newResource(args) {
      const computed = COMPUTED[args.type];
      if (!computed) throw new Error(`offline backend: no mock for resource type ${args.type} (${args.name})`);
      const inputs = (args.inputs ?? {}) as Inputs;
      const { id, extra } = computed(args.name, inputs, str(inputs.region) || region);
      return { id, state: { ...inputs, ...extra } };
    },
    async call(args) {
      const answer = CALLS[args.token];
      if (!answer) throw new Error(`offline backend: unexpected invoke ${args.token}`);
      return answer(args, region);
    },
  };
}
