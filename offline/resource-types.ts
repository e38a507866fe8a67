// The only place the program (policy/ aside) spells Pulumi type and invoke tokens, so no table can misspell one.

/**
 * Type tokens of every resource the program creates or the offline and emulator backends handle.
 * `__pulumiType` is not in the SDK typings, so they are spelled out here; a test checks each
 * against its @pulumi/aws or @pulumi/random class.
 */
export const RESOURCE_TYPES = {
  awsProvider: "pulumi:providers:aws",
  randomProvider: "pulumi:providers:random",
  awsNativeProvider: "pulumi:providers:aws-native",
  userPool: "aws:cognito/userPool:UserPool",
  userPoolClient: "aws:cognito/userPoolClient:UserPoolClient",
  userPoolDomain: "aws:cognito/userPoolDomain:UserPoolDomain",
  resourceServer: "aws:cognito/resourceServer:ResourceServer",
  identityProvider: "aws:cognito/identityProvider:IdentityProvider",
  userGroup: "aws:cognito/userGroup:UserGroup",
  user: "aws:cognito/user:User",
  userInGroup: "aws:cognito/userInGroup:UserInGroup",
  riskConfiguration: "aws:cognito/riskConfiguration:RiskConfiguration",
  managedLoginBranding: "aws:cognito/managedLoginBranding:ManagedLoginBranding",
  identityPool: "aws:cognito/identityPool:IdentityPool",
  identityPoolRoleAttachment: "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  lambdaPermission: "aws:lambda/permission:Permission",
  lambdaFunction: "aws:lambda/function:Function",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  httpApi: "aws:apigatewayv2/api:Api",
  apiAuthorizer: "aws:apigatewayv2/authorizer:Authorizer",
  apiIntegration: "aws:apigatewayv2/integration:Integration",
  apiRoute: "aws:apigatewayv2/route:Route",
  apiStage: "aws:apigatewayv2/stage:Stage",
  sesDomainIdentity: "aws:ses/domainIdentity:DomainIdentity",
  sesDomainIdentityVerification: "aws:ses/domainIdentityVerification:DomainIdentityVerification",
  sesDomainDkim: "aws:ses/domainDkim:DomainDkim",
  certificate: "aws:acm/certificate:Certificate",
  certificateValidation: "aws:acm/certificateValidation:CertificateValidation",
  route53Record: "aws:route53/record:Record",
  randomId: "random:index/randomId:RandomId",
  randomString: "random:index/randomString:RandomString",
  randomPassword: "random:index/randomPassword:RandomPassword",
  randomUuid: "random:index/randomUuid:RandomUuid",
  kmsKey: "aws:kms/key:Key",
  kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
  userPoolReplica: "aws-native:cognito:UserPoolReplica",
  userPoolRegionalConfiguration: "aws-native:cognito:UserPoolRegionalConfigurationAttachment",
  /** A dynamic resource (components/replication/key-configuration.ts): `pulumi-nodejs:dynamic/<module>:<type>`. */
  userPoolKeyConfiguration: "pulumi-nodejs:dynamic/cognito:UserPoolKeyConfiguration",
  webAcl: "aws:wafv2/webAcl:WebAcl",
  webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
  webAclLoggingConfiguration: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  logResourcePolicy: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
  logDeliveryConfiguration: "aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration",
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
  snsTopic: "aws:sns/topic:Topic",
  snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  snsTopicSubscription: "aws:sns/topicSubscription:TopicSubscription",
} as const;

export type ResourceType = (typeof RESOURCE_TYPES)[keyof typeof RESOURCE_TYPES];

/** Tokens of the invokes the offline backend answers. */
export const INVOKES = {
  getRegion: "aws:index/getRegion:getRegion",
  getCallerIdentity: "aws:index/getCallerIdentity:getCallerIdentity",
  getPartition: "aws:index/getPartition:getPartition",
} as const;

export type Invoke = (typeof INVOKES)[keyof typeof INVOKES];

/** The stack resource the engine registers for every program; runs leave it out of what they record. */
export const STACK_TYPE = "pulumi:pulumi:Stack";
