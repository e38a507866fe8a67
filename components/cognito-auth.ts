import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LoadedConfig } from "../config";
import { CognitoGroups, type CognitoGroupsArgs } from "./groups";
import { CognitoIdentityPool, type CognitoIdentityPoolArgs } from "./identity-pool";
import { Messaging, type MessagingArgs } from "./messaging";
import { buildStackOutputs } from "./outputs";
import { ResourceServers, type ResourceServersArgs } from "./resource-server";
import { SeedUsers, type SeedUsersArgs } from "./seed-users";
import { CognitoUserPool, type CognitoUserPoolArgs } from "./user-pool";
import { CognitoUserPoolClient, type CognitoUserPoolClientArgs } from "./user-pool-client";
import { CognitoUserPoolDomain, type CognitoUserPoolDomainArgs } from "./user-pool-domain";
import { IdentityProviders, type IdentityProvidersArgs } from "./user-pool-idps";

/** Per-child `transform` hooks, by component. */
export interface CognitoAuthTransforms {
  messaging?: MessagingArgs["transform"];
  userPool?: CognitoUserPoolArgs["transform"];
  resourceServers?: ResourceServersArgs["transform"];
  identityProviders?: IdentityProvidersArgs["transform"];
  clients?: CognitoUserPoolClientArgs["transform"];
  domain?: CognitoUserPoolDomainArgs["transform"];
  groups?: CognitoGroupsArgs["transform"];
  identityPool?: CognitoIdentityPoolArgs["transform"];
  seedUsers?: SeedUsersArgs["transform"];
}

export interface CognitoAuthArgs {
  /** The validated stack config (config/load.ts). */
  config: LoadedConfig;
  /** Override any child resource's args. @default none */
  transform?: CognitoAuthTransforms;
}

/** Everything a stack deploys: one component, its children built from the validated config. */
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
  /** What `index.ts` exports (outputs/stack-outputs.ts). */
  readonly outputs: ReturnType<typeof buildStackOutputs>;

  constructor(name: string, args: CognitoAuthArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoAuth", name, {}, opts);
    const { config: c, region, stack } = args.config;
    const t = args.transform ?? {};
    const tags = c.tags;
    const parent = { parent: this };

    this.messaging = new Messaging(
      `${name}-messaging`,
      {
        config: c.messaging,
        region,
        protect: c.pool.protect,
        tags,
        transform: t.messaging,
      },
      parent,
    );
    this.pool = new CognitoUserPool(
      `${name}-pool`,
      {
        pool: c.pool,
        email: c.messaging.email,
        emailConfiguration: this.messaging.emailConfiguration,
        smsConfiguration: this.messaging.smsConfiguration,
        sesSourceArn: this.messaging.sourceArn,
        triggers: c.triggers,
        dependsOn: this.messaging.poolDependencies,
        tags,
        transform: t.userPool,
      },
      parent,
    );
    const userPool: aws.cognito.UserPool = this.pool.userPool;

    this.resourceServers = new ResourceServers(
      `${name}-resource-servers`,
      {
        servers: c.resourceServers,
        userPoolId: userPool.id,
        transform: t.resourceServers,
      },
      parent,
    );
    this.identityProviders = new IdentityProviders(
      `${name}-idps`,
      {
        providers: c.identityProviders,
        userPoolId: userPool.id,
        transform: t.identityProviders,
      },
      parent,
    );
    if (c.domain.enabled) {
      this.domain = new CognitoUserPoolDomain(
        `${name}-domain`,
        {
          domain: c.domain,
          userPoolId: userPool.id,
          stack,
          region,
          transform: t.domain,
        },
        parent,
      );
    }
    this.clients = {};
    for (const [key, client] of Object.entries(c.clients)) {
      this.clients[key] = new CognitoUserPoolClient(
        `${name}-client-${key}`,
        {
          key,
          client,
          userPoolId: userPool.id,
          resourceServers: this.resourceServers,
          identityProviders: this.identityProviders,
          resourceServerConfig: c.resourceServers,
          hostedUiBaseUrl: this.domain?.baseUrl,
          transform: t.clients,
        },
        parent,
      );
    }
    // Managed-login styles belong to app clients, so they come after the clients exist.
    this.domain?.brandClients(this.clients, c.clients);
    if (c.identityPool.enabled) {
      this.identityPool = new CognitoIdentityPool(
        `${name}-identity-pool`,
        {
          identityPool: c.identityPool,
          userPool,
          clients: this.clients,
          clientConfig: c.clients,
          region,
          tags,
          transform: t.identityPool,
        },
        parent,
      );
    }
    this.groups = new CognitoGroups(
      `${name}-groups`,
      {
        groups: c.groups,
        userPoolId: userPool.id,
        identityPoolId: this.identityPool?.identityPool.id,
        tags,
        transform: t.groups,
      },
      parent,
    );
    this.seedUsers = new SeedUsers(
      `${name}-seed-users`,
      {
        users: c.seedUsers,
        userPoolId: userPool.id,
        groups: this.groups,
        passwordPolicy: c.pool.passwordPolicy,
        usernameAttributes: c.pool.usernameAttributes ?? [],
        transform: t.seedUsers,
      },
      parent,
    );

    this.outputs = buildStackOutputs(args.config, this);
    this.registerOutputs(this.outputs);
  }
}
