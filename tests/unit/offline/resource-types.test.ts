import * as assert from "node:assert";
import * as aws from "@pulumi/aws";
import * as awsnative from "@pulumi/aws-native";
import * as random from "@pulumi/random";
import { UserPoolKeyConfiguration } from "../../../components/replication/key-configuration";
import { EMULATED_TYPES } from "../../../emulator/backend";
import { LOCAL_TYPES, NOT_EMULATED } from "../../../emulator/backend/not-emulated";
import { OFFLINE_INVOKES, OFFLINE_TYPES } from "../../../offline/backend";
import { INVOKES, RESOURCE_TYPES } from "../../../offline/resource-types";
import { KEY_SETTINGS } from "../../../plan/format";

/** A provider class's `__pulumiType` is its package; the engine registers it as `pulumi:providers:<package>`. */
const provider = (cls: object): object => ({ __pulumiType: `pulumi:providers:${Reflect.get(cls, "__pulumiType")}` });

const CLASSES: Record<keyof typeof RESOURCE_TYPES, object> = {
  awsProvider: provider(aws.Provider),
  randomProvider: provider(random.Provider),
  awsNativeProvider: provider(awsnative.Provider),
  userPool: aws.cognito.UserPool,
  userPoolClient: aws.cognito.UserPoolClient,
  userPoolDomain: aws.cognito.UserPoolDomain,
  resourceServer: aws.cognito.ResourceServer,
  identityProvider: aws.cognito.IdentityProvider,
  userGroup: aws.cognito.UserGroup,
  user: aws.cognito.User,
  userInGroup: aws.cognito.UserInGroup,
  riskConfiguration: aws.cognito.RiskConfiguration,
  managedLoginBranding: aws.cognito.ManagedLoginBranding,
  identityPool: aws.cognito.IdentityPool,
  identityPoolRoleAttachment: aws.cognito.IdentityPoolRoleAttachment,
  role: aws.iam.Role,
  rolePolicy: aws.iam.RolePolicy,
  rolePolicyAttachment: aws.iam.RolePolicyAttachment,
  lambdaPermission: aws.lambda.Permission,
  lambdaFunction: aws.lambda.Function,
  logGroup: aws.cloudwatch.LogGroup,
  httpApi: aws.apigatewayv2.Api,
  apiAuthorizer: aws.apigatewayv2.Authorizer,
  apiIntegration: aws.apigatewayv2.Integration,
  apiRoute: aws.apigatewayv2.Route,
  apiStage: aws.apigatewayv2.Stage,
  sesDomainIdentity: aws.ses.DomainIdentity,
  sesDomainIdentityVerification: aws.ses.DomainIdentityVerification,
  sesDomainDkim: aws.ses.DomainDkim,
  certificate: aws.acm.Certificate,
  certificateValidation: aws.acm.CertificateValidation,
  route53Record: aws.route53.Record,
  randomId: random.RandomId,
  randomString: random.RandomString,
  randomPassword: random.RandomPassword,
  randomUuid: random.RandomUuid,
  kmsKey: aws.kms.Key,
  kmsReplicaKey: aws.kms.ReplicaKey,
  userPoolReplica: awsnative.cognito.UserPoolReplica,
  userPoolRegionalConfiguration: awsnative.cognito.UserPoolRegionalConfigurationAttachment,
  userPoolKeyConfiguration: UserPoolKeyConfiguration,
  webAcl: aws.wafv2.WebAcl,
  webAclAssociation: aws.wafv2.WebAclAssociation,
  webAclLoggingConfiguration: aws.wafv2.WebAclLoggingConfiguration,
  logResourcePolicy: aws.cloudwatch.LogResourcePolicy,
  logDeliveryConfiguration: aws.cognito.LogDeliveryConfiguration,
  metricAlarm: aws.cloudwatch.MetricAlarm,
  dashboard: aws.cloudwatch.Dashboard,
  snsTopic: aws.sns.Topic,
  snsTopicPolicy: aws.sns.TopicPolicy,
  snsTopicSubscription: aws.sns.TopicSubscription,
};

/** The SDK functions do not expose their token; their generated body passes it to `pulumi.runtime.invoke`. */
const FUNCTIONS: Record<keyof typeof INVOKES, (...args: never[]) => unknown> = {
  getRegion: aws.getRegion,
  getCallerIdentity: aws.getCallerIdentity,
  getPartition: aws.getPartition,
};

describe("offline/resource-types", () => {
  for (const [key, token] of Object.entries(RESOURCE_TYPES)) {
    it(`${key} is the type token of its SDK class`, () => {
      assert.strictEqual(Reflect.get(CLASSES[key as keyof typeof RESOURCE_TYPES], "__pulumiType"), token);
    });
  }

  for (const [key, token] of Object.entries(INVOKES)) {
    it(`${key} is the token its SDK function invokes`, () => {
      const body = FUNCTIONS[key as keyof typeof INVOKES].toString();
      assert.ok(body.includes(`pulumi.runtime.invoke(${JSON.stringify(token)}`), body);
    });
  }

  it("spells each token once", () => {
    const tokens = [...Object.values(RESOURCE_TYPES), ...Object.values(INVOKES)];
    assert.strictEqual(new Set(tokens).size, tokens.length);
  });

  const known = new Set<string>(Object.values(RESOURCE_TYPES));
  const tables: Record<string, readonly string[]> = {
    "the offline backend's mocks": OFFLINE_TYPES,
    "plan KEY_SETTINGS": Object.keys(KEY_SETTINGS),
    "the emulator's handlers": EMULATED_TYPES,
    NOT_EMULATED: Object.keys(NOT_EMULATED),
    LOCAL_TYPES,
  };
  for (const [table, keys] of Object.entries(tables)) {
    it(`${table} key only on RESOURCE_TYPES`, () => {
      assert.ok(keys.length > 0, table);
      assert.deepStrictEqual(
        keys.filter((k) => !known.has(k)),
        [],
      );
    });
  }

  it("the offline backend answers only INVOKES, all of them", () => {
    assert.deepStrictEqual([...OFFLINE_INVOKES].sort(), Object.values(INVOKES).sort());
  });

  it("the emulator handles every resource type exactly one way: emulated, not emulated or local", () => {
    const ways = [EMULATED_TYPES, Object.keys(NOT_EMULATED), LOCAL_TYPES];
    for (const t of known) {
      assert.strictEqual(ways.filter((w) => w.includes(t)).length, 1, t);
    }
  });
});
