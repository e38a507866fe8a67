import { RESOURCE_TYPES, type ResourceType } from "../../offline/resource-types";

/**
 * Resource types the emulator (moto 5.2.5) cannot host, with the reason. A deploy into the
 * emulator takes their values from the offline backend and reports them; it never drops them.
 */
const REASONS = {
  [RESOURCE_TYPES.riskConfiguration]: "moto has no SetRiskConfiguration: threat protection is not emulated",
  [RESOURCE_TYPES.managedLoginBranding]: "moto has no managed-login branding API and serves no hosted UI",
  [RESOURCE_TYPES.identityPoolRoleAttachment]: "moto has no SetIdentityPoolRoles (HTTP 500)",
  [RESOURCE_TYPES.certificate]:
    "a custom domain's certificate needs DNS validation; the emulator serves no custom domain",
  [RESOURCE_TYPES.certificateValidation]: "ACM validation waits for DNS records that do not exist locally",
  [RESOURCE_TYPES.route53Record]: "no DNS is served locally",
  [RESOURCE_TYPES.lambdaPermission]:
    "the functions it lets Cognito or API Gateway invoke are not deployed in the emulator, and moto never invokes triggers",
  [RESOURCE_TYPES.lambdaFunction]:
    "moto runs function code only in Docker and never invokes Cognito triggers: the handler tests call the functions in-process against moto instead",
  [RESOURCE_TYPES.httpApi]:
    "the protected API is not deployed in the emulator: the emulator has no API Gateway client and the function behind it is not deployed",
  [RESOURCE_TYPES.apiAuthorizer]:
    "the protected API is not emulated (see the HTTP API); its JWT checks run only on AWS",
  [RESOURCE_TYPES.apiIntegration]: "the identity function is not deployed in the emulator",
  [RESOURCE_TYPES.apiRoute]: "the protected API is not emulated (see the HTTP API)",
  [RESOURCE_TYPES.apiStage]: "the protected API is not emulated (see the HTTP API)",
  [RESOURCE_TYPES.sesDomainIdentity]:
    "the emulator sends no email (the project has no SES SDK client; moto's SES is not wired to Cognito)",
  [RESOURCE_TYPES.sesDomainIdentityVerification]: "SES verification waits for DNS records that do not exist locally",
  [RESOURCE_TYPES.sesDomainDkim]: "the emulator sends no email, so it signs none (no SES SDK client in the project)",
  [RESOURCE_TYPES.kmsReplicaKey]: "multi-Region replication is not emulated: moto serves one region (us-east-1)",
  [RESOURCE_TYPES.userPoolReplica]: "multi-Region replication is not emulated: moto has no CreateUserPoolReplica",
  [RESOURCE_TYPES.userPoolRegionalConfiguration]:
    "multi-Region replication is not emulated: moto has no replica regions to configure",
  [RESOURCE_TYPES.userPoolKeyConfiguration]:
    "multi-Region replication is not emulated: moto has no Cloud Control and ignores a pool's KeyConfiguration",
  [RESOURCE_TYPES.logDeliveryConfiguration]:
    "Cognito log export is not emulated: moto has no SetLogDeliveryConfiguration and delivers no vended logs",
} as const satisfies Partial<Record<ResourceType, string>>;

export type NotEmulatedType = keyof typeof REASONS;
export const NOT_EMULATED: Readonly<Record<string, string>> = REASONS;

/** Values computed locally with no cloud counterpart: taken from the offline backend, not reported. */
const LOCAL = [
  RESOURCE_TYPES.awsProvider,
  RESOURCE_TYPES.randomProvider,
  RESOURCE_TYPES.awsNativeProvider,
  RESOURCE_TYPES.randomId,
  RESOURCE_TYPES.randomString,
  RESOURCE_TYPES.randomPassword,
  RESOURCE_TYPES.randomUuid,
] as const satisfies readonly ResourceType[];

export type LocalType = (typeof LOCAL)[number];
export const LOCAL_TYPES: readonly string[] = LOCAL;
