import * as pulumi from "@pulumi/pulumi";
import { builtFunctionNames, type StackModel } from "../config/model";
import { AuthEventLogs, type AuthEventLogsArgs } from "./auth-event-logs";
import { CognitoGroups, type CognitoGroupsArgs } from "./groups";
import { CognitoIdentityPool, type CognitoIdentityPoolArgs } from "./identity-pool";
import { IdentityProviders, type IdentityProvidersArgs } from "./identity-providers";
import { Messaging, type MessagingArgs } from "./messaging";
import { Monitoring, type MonitoringArgs } from "./monitoring";
import { API_ROUTES, ProtectedApi, type ProtectedApiArgs } from "./protected-api";
import { Replication, type ReplicationArgs } from "./replication/replication";
import { ResourceServers, type ResourceServersArgs } from "./resource-server";
import { SeedUsers, type SeedUsersArgs } from "./seed-users";
import { buildStackOutputs } from "./stack-outputs";
import { TriggerFunctionPoolAccess, type TriggerFunctionPoolAccessArgs } from "./trigger-function-pool-access";
import { TriggerFunctions, type TriggerFunctionsArgs } from "./trigger-functions";
import { CognitoUserPool, type CognitoUserPoolArgs } from "./user-pool";
import { CognitoUserPoolClient, type CognitoUserPoolClientArgs } from "./user-pool-client";
import { CognitoUserPoolDomain, type CognitoUserPoolDomainArgs } from "./user-pool-domain";
import { UserPoolWaf, type UserPoolWafArgs } from "./waf";

/**
 * Per-child `transform` hooks, by component: the escape hatch for anything the config does not cover.
 *
 * @example
 * new CognitoAuth("cognito", {
 *   model: loadStackConfig(),
 *   transform: {
 *     userPool: { userPool: { userPoolAddOns: { advancedSecurityMode: "AUDIT" } } },
 *     clients: { client: (args, _opts, name) => { if (name.endsWith("-web")) args.idTokenValidity = 30; } },
 *   },
 * });
 */
export interface CognitoAuthTransforms {
  messaging?: MessagingArgs["transform"];
  userPool?: CognitoUserPoolArgs["transform"];
  resourceServers?: ResourceServersArgs["transform"];
  identityProviders?: IdentityProvidersArgs["transform"];
  /** Applied to every app client (and its managed-login style); the resource name tells them apart. */
  clients?: CognitoUserPoolClientArgs["transform"];
  domain?: CognitoUserPoolDomainArgs["transform"];
  groups?: CognitoGroupsArgs["transform"];
  identityPool?: CognitoIdentityPoolArgs["transform"];
  seedUsers?: SeedUsersArgs["transform"];
  replication?: ReplicationArgs["transform"];
  waf?: UserPoolWafArgs["transform"];
  authEventLogs?: AuthEventLogsArgs["transform"];
  monitoring?: MonitoringArgs["transform"];
  triggerFunctions?: TriggerFunctionsArgs["transform"];
  triggerFunctionPoolAccess?: TriggerFunctionPoolAccessArgs["transform"];
  api?: ProtectedApiArgs["transform"];
}

export interface CognitoAuthArgs {
  /** The stack's resolved model (`loadStackConfig()` in config/index.ts). */
  model: StackModel;
  /** Override any child resource's args or options. @default none */
  transform?: CognitoAuthTransforms;
}

/** Everything a stack deploys: one component, its children built from the resolved model. */
export class CognitoAuth extends pulumi.ComponentResource {
  readonly messaging: Messaging;
  readonly pool: CognitoUserPool;
  readonly resourceServers: ResourceServers;
  readonly identityProviders: IdentityProviders;
  readonly clients: Record<string, CognitoUserPoolClient>;
  readonly domain?: CognitoUserPoolDomain;
  readonly identityPool?: CognitoIdentityPool;
  readonly groups: CognitoGroups;
  readonly seedUsers: SeedUsers;
  readonly replication?: Replication;
  readonly waf?: UserPoolWaf;
  readonly authEventLogs?: AuthEventLogs;
  readonly monitoring?: Monitoring;
  readonly triggerFunctions?: TriggerFunctions;
  readonly triggerFunctionPoolAccess?: TriggerFunctionPoolAccess;
  readonly api?: ProtectedApi;
  /** What `index.ts` exports (outputs/stack-outputs.ts). */
  readonly outputs: ReturnType<typeof buildStackOutputs>;

  constructor(name: string, args: CognitoAuthArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoAuth", name, {}, opts);
    const m = args.model;
    const t = args.transform ?? {};
    const tags = m.tags;
    const parent = { parent: this };

    this.messaging = new Messaging(
      `${name}-messaging`,
      { config: m.messaging, region: m.region, protect: m.pool.protect, tags, transform: t.messaging },
      parent,
    );
    if (builtFunctionNames(m.triggerFunctions).length > 0) {
      this.triggerFunctions = new TriggerFunctions(
        `${name}-trigger-functions`,
        {
          functions: m.triggerFunctions,
          namePrefix: m.pool.name ?? `cognito-auth-${m.stack}`,
          sesSourceArn: this.messaging.sourceArn,
          tags,
          transform: t.triggerFunctions,
        },
        parent,
      );
    }
    this.pool = new CognitoUserPool(
      `${name}-pool`,
      {
        pool: m.pool,
        email: m.messaging.email,
        emailConfiguration: this.messaging.emailConfiguration,
        smsConfiguration: this.messaging.smsConfiguration,
        sesSourceArn: this.messaging.sourceArn,
        triggers: m.triggers,
        builtTriggers: this.triggerFunctions?.arns,
        dependsOn: this.messaging.poolDependencies,
        tags,
        transform: t.userPool,
      },
      parent,
    );
    const userPool = this.pool.userPool;
    if (this.triggerFunctions) {
      this.triggerFunctionPoolAccess = new TriggerFunctionPoolAccess(
        `${name}-trigger-access`,
        { functions: this.triggerFunctions, userPoolArn: userPool.arn, transform: t.triggerFunctionPoolAccess },
        parent,
      );
    }
    if (m.replication) {
      this.replication = new Replication(
        `${name}-replication`,
        {
          replication: m.replication,
          region: m.region,
          userPool,
          protect: m.pool.protect,
          tags,
          transform: t.replication,
        },
        parent,
      );
    }

    this.resourceServers = new ResourceServers(
      `${name}-resource-servers`,
      { servers: m.resourceServers, userPoolId: userPool.id, protect: m.pool.protect, transform: t.resourceServers },
      parent,
    );
    this.identityProviders = new IdentityProviders(
      `${name}-idps`,
      { providers: m.identityProviders, userPoolId: userPool.id, transform: t.identityProviders },
      parent,
    );
    if (m.domain.enabled) {
      this.domain = new CognitoUserPoolDomain(
        `${name}-domain`,
        { domain: m.domain, userPoolId: userPool.id, region: m.region, protect: m.pool.protect, transform: t.domain },
        parent,
      );
    }
    this.clients = {};
    for (const [key, client] of Object.entries(m.clients)) {
      this.clients[key] = new CognitoUserPoolClient(
        `${name}-client-${key}`,
        {
          client,
          userPoolId: userPool.id,
          resourceServers: this.resourceServers,
          identityProviders: this.identityProviders,
          domain: this.domain,
          protect: m.pool.protect,
          transform: t.clients,
        },
        parent,
      );
    }
    if (m.api) {
      const api = m.api;
      this.api = new ProtectedApi(
        `${name}-api`,
        {
          api,
          namePrefix: m.pool.name ?? `cognito-auth-${m.stack}`,
          region: m.region,
          userPoolId: userPool.id,
          audience: api.clients.filter((k) => this.clients[k]).map((k) => this.clients[k].client.id),
          tags,
          transform: t.api,
        },
        parent,
      );
    }
    if (m.identityPool.enabled) {
      this.identityPool = new CognitoIdentityPool(
        `${name}-identity-pool`,
        {
          identityPool: m.identityPool,
          userPool,
          clients: this.clients,
          region: m.region,
          tags,
          transform: t.identityPool,
        },
        parent,
      );
    }
    this.groups = new CognitoGroups(
      `${name}-groups`,
      {
        groups: m.groups,
        userPoolId: userPool.id,
        identityPoolId: this.identityPool?.identityPool.id,
        tags,
        protect: m.pool.protect,
        transform: t.groups,
      },
      parent,
    );
    this.seedUsers = new SeedUsers(
      `${name}-seed-users`,
      {
        users: m.seedUsers,
        userPoolId: userPool.id,
        groups: this.groups,
        passwordPolicy: m.pool.passwordPolicy,
        usernameAttributes: m.pool.usernameAttributes ?? [],
        customAttributes: m.pool.schemas,
        transform: t.seedUsers,
      },
      parent,
    );

    if (m.waf) {
      this.waf = new UserPoolWaf(
        `${name}-waf`,
        { waf: m.waf, userPoolArn: userPool.arn, tags, transform: t.waf },
        parent,
      );
    }
    if (m.authEventLogs) {
      this.authEventLogs = new AuthEventLogs(
        `${name}-auth-event-logs`,
        {
          logs: m.authEventLogs,
          userPoolId: userPool.id,
          retainOnDelete: m.pool.protect,
          tags,
          transform: t.authEventLogs,
        },
        parent,
      );
    }
    if (m.monitoring) {
      this.monitoring = new Monitoring(
        `${name}-monitoring`,
        {
          monitoring: m.monitoring,
          targets: {
            userPoolId: userPool.id,
            clientIds: Object.fromEntries(Object.entries(this.clients).map(([k, c]) => [k, c.clientId])),
            webAclName: m.waf?.name,
            region: m.region,
            threatProtection: m.pool.userPoolAddOns.advancedSecurityMode !== "OFF",
          },
          tags,
          transform: t.monitoring,
        },
        parent,
      );
    }

    this.outputs = buildStackOutputs(m, {
      userPoolId: userPool.id,
      userPoolArn: userPool.arn,
      hostedUiBaseUrl: this.domain?.baseUrl,
      clients: this.clients,
      seedUserPasswords: this.seedUsers.passwords,
      identityPoolId: this.identityPool?.identityPool.id,
      sesIdentityArn: this.messaging.sourceArn,
      replication: this.replication && {
        kmsKeyArn: this.replication.kmsKeyArn,
        status: Object.fromEntries(
          Object.entries(this.replication.replicas).map(([r, x]) => [r, x.regional.attachment.status]),
        ),
      },
      operations: {
        webAclArn: this.waf?.webAcl.arn,
        wafLogGroupName: this.waf?.logGroup?.name,
        authEventLogGroupName: this.authEventLogs?.logGroup.name,
        dashboardUrl: this.monitoring?.dashboardUrl,
        alarmTopicArn: this.monitoring?.topic.arn,
      },
      api: this.api && { url: this.api.url, routes: Object.values(API_ROUTES) },
      customDomainTarget: this.domain && {
        cloudfrontDistribution: this.domain.domain.cloudfrontDistribution,
        cloudfrontZoneId: this.domain.domain.cloudfrontDistributionZoneId,
      },
    });
    this.registerOutputs(this.outputs);
  }
}
