import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

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

/** Computed attributes per resource type; a type not listed here is refused. */
const COMPUTED: Record<string, Computed> = {
  "pulumi:providers:aws": (name) => ({ id: `provider-${name}`, extra: {} }),
  "aws:cognito/userPool:UserPool": (name, _i, region) => {
    const id = `${region}_${digest(name, 9)}`;
    return {
      id,
      extra: {
        arn: arn(region, "cognito-idp", `userpool/${id}`),
        endpoint: `cognito-idp.${region}.amazonaws.com/${id}`,
      },
    };
  },
  "aws:cognito/userPoolClient:UserPoolClient": (name, i) => ({
    id: digest(`client-${name}`, 26),
    extra: i.generateSecret ? { clientSecret: pulumi.secret(digest(`secret-${name}`, 51)) } : {},
  }),
  "aws:cognito/userPoolDomain:UserPoolDomain": (name, i) => ({
    id: str(i.domain) || name,
    extra: {
      cloudfrontDistribution: `d${digest(name, 13)}.cloudfront.net`,
      cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2",
      awsAccountId: OFFLINE_ACCOUNT,
    },
  }),
  "aws:cognito/resourceServer:ResourceServer": (_n, i) => ({
    id: `${str(i.userPoolId)}|${str(i.identifier)}`,
    extra: {
      scopeIdentifiers: Array.isArray(i.scopes)
        ? (i.scopes as Inputs[]).map((s) => `${str(i.identifier)}/${str(s.scopeName)}`)
        : [],
    },
  }),
  "aws:cognito/identityProvider:IdentityProvider": (_n, i) => ({
    id: `${str(i.userPoolId)}:${str(i.providerName)}`,
    extra: {},
  }),
  "aws:cognito/userGroup:UserGroup": (_n, i) => ({ id: `${str(i.userPoolId)}/${str(i.name)}`, extra: {} }),
  "aws:cognito/user:User": (name, i) => ({
    id: `${str(i.userPoolId)}/${str(i.username)}`,
    extra: { sub: `${digest(name, 8)}-0000-4000-8000-${digest(`${name}sub`, 12)}`, status: "FORCE_CHANGE_PASSWORD" },
  }),
  "aws:cognito/userInGroup:UserInGroup": (_n, i) => ({
    id: `${str(i.userPoolId)}/${str(i.groupName)}/${str(i.username)}`,
    extra: {},
  }),
  "aws:cognito/riskConfiguration:RiskConfiguration": (_n, i) => ({ id: str(i.userPoolId), extra: {} }),
  "aws:cognito/managedLoginBranding:ManagedLoginBranding": (name) => ({
    id: digest(name, 36),
    extra: { managedLoginBrandingId: digest(name, 36) },
  }),
  "aws:cognito/identityPool:IdentityPool": (name, _i, region) => {
    const id = `${region}:${digest(name, 8)}-0000-4000-8000-${digest(name, 12)}`;
    return { id, extra: { arn: arn(region, "cognito-identity", `identitypool/${id}`) } };
  },
  "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment": (_n, i) => ({
    id: str(i.identityPoolId),
    extra: {},
  }),
  "aws:iam/role:Role": (name, i) => {
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
  "aws:iam/rolePolicy:RolePolicy": (name, i) => ({ id: `${str(i.role)}:${str(i.name) || name}`, extra: {} }),
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": (_n, i) => ({
    id: `${str(i.role)}/${str(i.policyArn)}`,
    extra: {},
  }),
  "aws:lambda/permission:Permission": (name, i) => ({ id: str(i.statementId) || name, extra: {} }),
  "aws:ses/domainIdentity:DomainIdentity": (name, i, region) => ({
    id: str(i.domain),
    extra: {
      arn: arn(region, "ses", `identity/${str(i.domain)}`),
      verificationToken: Buffer.from(digest(name, 32), "hex").toString("base64"),
    },
  }),
  "aws:ses/domainIdentityVerification:DomainIdentityVerification": (_n, i, region) => ({
    id: str(i.domain),
    extra: { arn: arn(region, "ses", `identity/${str(i.domain)}`) },
  }),
  "aws:ses/domainDkim:DomainDkim": (name, i) => ({
    id: str(i.domain),
    extra: { dkimTokens: [0, 1, 2].map((n) => digest(`${name}-dkim-${n}`, 32)) },
  }),
  "aws:acm/certificate:Certificate": (name, i) => ({
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
  "aws:acm/certificateValidation:CertificateValidation": (_n, i) => ({ id: str(i.certificateArn), extra: {} }),
  "aws:route53/record:Record": (_n, i) => ({
    id: `${str(i.zoneId)}_${str(i.name)}_${str(i.type)}`,
    extra: { fqdn: str(i.name) },
  }),
  "random:index/randomId:RandomId": (name, i) => {
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
  "random:index/randomString:RandomString": (name, i) => {
    const result = digest(name, num(i.length, 8));
    return { id: "none", extra: { result: i.upper === false ? result.toLowerCase() : result } };
  },
  "random:index/randomPassword:RandomPassword": (name, i) => ({
    id: "none",
    extra: { result: pulumi.secret(offlinePassword(name, i)) },
  }),
  "random:index/randomUuid:RandomUuid": (name) => {
    const h = digest(name, 32);
    const result = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
    return { id: result, extra: { result } };
  },
};

/** Resource types the offline backend can stand in for. */
export const OFFLINE_TYPES: readonly string[] = Object.keys(COMPUTED);

/** Invokes the offline backend answers. */
const CALLS: Record<string, (args: CallArgs, region: string) => Record<string, unknown>> = {
  "aws:index/getRegion:getRegion": (_a, region) => ({ name: region, region, id: region }),
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: OFFLINE_ACCOUNT,
    arn: `arn:aws:iam::${OFFLINE_ACCOUNT}:user/offline`,
    id: OFFLINE_ACCOUNT,
    userId: "AIDAOFFLINE",
  }),
  "aws:index/getPartition:getPartition": () => ({ partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" }),
};

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
