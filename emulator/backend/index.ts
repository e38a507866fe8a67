/**
 * A `ResourceBackend` (offline/backend.ts) that creates each resource of a stack in the emulator
 * through the AWS SDK and hands the program the emulator's real ids and attributes (pool id and
 * ARN, client ids and secrets, role ARNs ...), so the stack outputs are the emulator's.
 *
 * Local values (`random:*`, providers) and invokes come from the offline backend. Types moto cannot
 * host come from the offline backend too and are listed in `notEmulated`, never dropped silently.
 */

import { randomBytes } from "node:crypto";
import { PutDashboardCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import {
  CreateLogGroupCommand,
  PutResourcePolicyCommand,
  PutRetentionPolicyCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  CreateGroupCommand,
  CreateIdentityProviderCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { AttachRolePolicyCommand, CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { CreateKeyCommand, EnableKeyRotationCommand } from "@aws-sdk/client-kms";
import { CreateTopicCommand, SetTopicAttributesCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import {
  AssociateWebACLCommand,
  CreateWebACLCommand,
  GetWebACLForResourceCommand,
  PutLoggingConfigurationCommand,
} from "@aws-sdk/client-wafv2";
import * as pulumi from "@pulumi/pulumi";
import { OFFLINE_ACCOUNT, offlineBackend, type ResourceArgs, type ResourceBackend } from "../../offline/backend";
import { RESOURCE_TYPES, type ResourceType } from "../../offline/resource-types";
import { type EmulatorClients, emulatorClients } from "../clients";
import { type UserGroupInputs, type UserInGroupInputs, userGroupCommand, userInGroupCommand } from "./groups";
import {
  type RoleInputs,
  type RolePolicyAttachmentInputs,
  type RolePolicyInputs,
  roleCommands,
  roleName,
  rolePolicyAttachmentCommand,
  rolePolicyCommand,
} from "./iam";
import { type IdentityPoolInputs, identityPoolCommand } from "./identity-pool";
import { type IdentityProviderInputs, identityProviderCommand } from "./identity-provider";
import { type KmsKeyInputs, kmsKeyCommands } from "./kms-key";
import {
  type LogGroupInputs,
  type LogResourcePolicyInputs,
  logGroupArn,
  logGroupCommands,
  logGroupName,
  logResourcePolicyCommand,
} from "./log-group";
import { type DashboardInputs, dashboardCommand, type MetricAlarmInputs, metricAlarmCommand } from "./metric-alarm";
import { LOCAL_TYPES, type LocalType, NOT_EMULATED, type NotEmulatedType } from "./not-emulated";
import { type ResourceServerInputs, resourceServerCommand, scopeIdentifiers } from "./resource-server";
import {
  type TopicInputs,
  type TopicPolicyInputs,
  type TopicSubscriptionInputs,
  topicCommand,
  topicName,
  topicPolicyCommand,
  topicSubscriptionCommand,
} from "./sns";
import { type UserPoolInputs, userPoolCommands } from "./user-pool";
import { type UserPoolClientInputs, userPoolClientCommand } from "./user-pool-client";
import { type UserPoolDomainInputs, userPoolDomainCommand } from "./user-pool-domain";
import { type UserInputs, userCommands } from "./users";
import {
  type WebAclAssociationInputs,
  type WebAclInputs,
  type WebAclLoggingInputs,
  webAclAssociationCommand,
  webAclCommand,
  webAclLoggingCommand,
} from "./waf";

export interface NotEmulatedResource {
  type: string;
  name: string;
  /** Why the emulator cannot host it; the program got the offline backend's values instead. */
  reason: string;
}

export interface EmulatedResource {
  type: string;
  name: string;
  id: string;
}

export interface EmulatorBackend extends ResourceBackend {
  readonly notEmulated: NotEmulatedResource[];
  readonly emulated: EmulatedResource[];
}

type Created = { id: string; state: Record<string, unknown> };
type Handler = (args: ResourceArgs, c: EmulatorClients) => Promise<Created>;

/** The engine resolved every input; these casts name the shape the program declared them with. */
const inputsOf = <T>(args: ResourceArgs): T => (args.inputs ?? {}) as T;
const suffix = (): string => randomBytes(4).toString("hex").slice(0, 7);

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined || v === null || v === "") throw new Error(`the emulator returned no ${what}`);
  return v;
}

/** Every type the emulator neither lacks nor leaves to local computation has a handler. */
type EmulatedType = Exclude<ResourceType, NotEmulatedType | LocalType>;

function handlers(region: string): Readonly<Record<string, Handler>> {
  return {
    [RESOURCE_TYPES.userPool]: async (args, c) => {
      const i = inputsOf<UserPoolInputs>(args);
      const cmds = userPoolCommands(i, `${args.name}-${suffix()}`);
      const pool = need((await c.idp.send(new CreateUserPoolCommand(cmds.create))).UserPool, "user pool");
      const id = need(pool.Id, "user pool id");
      if (cmds.mfa) await c.idp.send(new SetUserPoolMfaConfigCommand({ ...cmds.mfa, UserPoolId: id }));
      return {
        id,
        state: {
          ...args.inputs,
          name: pool.Name,
          arn: pool.Arn,
          endpoint: `cognito-idp.${region}.amazonaws.com/${id}`,
          creationDate: pool.CreationDate?.toISOString(),
          lastModifiedDate: pool.LastModifiedDate?.toISOString(),
          estimatedNumberOfUsers: pool.EstimatedNumberOfUsers ?? 0,
          domain: "",
          customDomain: "",
        },
      };
    },
    [RESOURCE_TYPES.userPoolClient]: async (args, c) => {
      const client = need(
        (
          await c.idp.send(
            new CreateUserPoolClientCommand(userPoolClientCommand(inputsOf<UserPoolClientInputs>(args), args.name)),
          )
        ).UserPoolClient,
        "client",
      );
      const secret = client.ClientSecret;
      return {
        id: need(client.ClientId, "client id"),
        state: { ...args.inputs, name: client.ClientName, ...(secret ? { clientSecret: pulumi.secret(secret) } : {}) },
      };
    },
    [RESOURCE_TYPES.userPoolDomain]: async (args, c) => {
      const i = inputsOf<UserPoolDomainInputs>(args);
      const input = userPoolDomainCommand(i);
      const res = await c.idp.send(new CreateUserPoolDomainCommand(input));
      return {
        id: input.Domain as string,
        state: {
          ...args.inputs,
          cloudfrontDistribution: res.CloudFrontDomain,
          cloudfrontDistributionArn: res.CloudFrontDomain,
          cloudfrontDistributionZoneId: "Z2FDTNDATAQYW2",
          awsAccountId: OFFLINE_ACCOUNT,
          version: String(res.ManagedLoginVersion ?? i.managedLoginVersion ?? 1),
        },
      };
    },
    [RESOURCE_TYPES.resourceServer]: async (args, c) => {
      const i = inputsOf<ResourceServerInputs>(args);
      const input = resourceServerCommand(i);
      await c.idp.send(new CreateResourceServerCommand(input));
      return {
        id: `${input.UserPoolId}|${input.Identifier}`,
        state: { ...args.inputs, name: input.Name, scopeIdentifiers: scopeIdentifiers(i) },
      };
    },
    [RESOURCE_TYPES.identityProvider]: async (args, c) => {
      const input = identityProviderCommand(inputsOf<IdentityProviderInputs>(args));
      await c.idp.send(new CreateIdentityProviderCommand(input));
      return { id: `${input.UserPoolId}:${input.ProviderName}`, state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.userGroup]: async (args, c) => {
      const input = userGroupCommand(inputsOf<UserGroupInputs>(args), args.name);
      await c.idp.send(new CreateGroupCommand(input));
      return { id: `${input.UserPoolId}/${input.GroupName}`, state: { ...args.inputs, name: input.GroupName } };
    },
    [RESOURCE_TYPES.user]: async (args, c) => {
      const cmds = userCommands(inputsOf<UserInputs>(args));
      const user = need((await c.idp.send(new AdminCreateUserCommand(cmds.create))).User, "user");
      if (cmds.setPassword) await c.idp.send(new AdminSetUserPasswordCommand(cmds.setPassword));
      if (cmds.disable) await c.idp.send(new AdminDisableUserCommand(cmds.disable));
      const sub = user.Attributes?.find((a) => a.Name === "sub")?.Value;
      return {
        id: `${cmds.create.UserPoolId}/${cmds.create.Username}`,
        state: {
          ...args.inputs,
          sub,
          status: cmds.setPassword ? "CONFIRMED" : user.UserStatus,
          creationDate: user.UserCreateDate?.toISOString(),
          lastModifiedDate: user.UserLastModifiedDate?.toISOString(),
          enabled: !cmds.disable,
        },
      };
    },
    [RESOURCE_TYPES.userInGroup]: async (args, c) => {
      const input = userInGroupCommand(inputsOf<UserInGroupInputs>(args));
      await c.idp.send(new AdminAddUserToGroupCommand(input));
      return { id: `${input.UserPoolId}/${input.GroupName}/${input.Username}`, state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.identityPool]: async (args, c) => {
      const pool = await c.identity.send(
        new CreateIdentityPoolCommand(identityPoolCommand(inputsOf<IdentityPoolInputs>(args))),
      );
      const id = need(pool.IdentityPoolId, "identity pool id");
      return {
        id,
        state: { ...args.inputs, arn: `arn:aws:cognito-identity:${region}:${OFFLINE_ACCOUNT}:identitypool/${id}` },
      };
    },
    [RESOURCE_TYPES.role]: async (args, c) => {
      const i = inputsOf<RoleInputs>(args);
      const name = roleName(i, args.name, suffix());
      const cmds = roleCommands(i, name);
      const role = need((await c.iam.send(new CreateRoleCommand(cmds.create))).Role, "role");
      for (const p of cmds.inlinePolicies) await c.iam.send(new PutRolePolicyCommand(p));
      for (const a of cmds.attachments) await c.iam.send(new AttachRolePolicyCommand(a));
      return {
        id: name,
        state: {
          ...args.inputs,
          name,
          arn: role.Arn,
          uniqueId: role.RoleId,
          createDate: role.CreateDate?.toISOString(),
          path: role.Path,
        },
      };
    },
    [RESOURCE_TYPES.rolePolicy]: async (args, c) => {
      const i = inputsOf<RolePolicyInputs>(args);
      const policyName = i.name ?? `${i.namePrefix ?? `${args.name}-`}${suffix()}`;
      const input = rolePolicyCommand(i, policyName);
      await c.iam.send(new PutRolePolicyCommand(input));
      return { id: `${input.RoleName}:${policyName}`, state: { ...args.inputs, name: policyName } };
    },
    [RESOURCE_TYPES.rolePolicyAttachment]: async (args, c) => {
      const input = rolePolicyAttachmentCommand(inputsOf<RolePolicyAttachmentInputs>(args));
      await c.iam.send(new AttachRolePolicyCommand(input));
      return { id: `${input.RoleName}-${suffix()}`, state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.webAcl]: async (args, c) => {
      const i = inputsOf<WebAclInputs>(args);
      const name = i.name ?? `${i.namePrefix ?? `${args.name}-`}${suffix()}`;
      const input = webAclCommand(i, name);
      const acl = need((await c.wafv2.send(new CreateWebACLCommand(input))).Summary, "web ACL");
      return {
        id: need(acl.Id, "web ACL id"),
        state: { ...args.inputs, name, arn: need(acl.ARN, "web ACL ARN"), lockToken: acl.LockToken },
      };
    },
    [RESOURCE_TYPES.webAclAssociation]: async (args, c) => {
      const input = webAclAssociationCommand(inputsOf<WebAclAssociationInputs>(args));
      await c.wafv2.send(new AssociateWebACLCommand(input));
      // moto records any resource ARN here; reading it back makes the login check that follows run
      // against a pool the web ACL is really associated with.
      const got = await c.wafv2.send(new GetWebACLForResourceCommand({ ResourceArn: input.ResourceArn }));
      if (got.WebACL?.ARN !== input.WebACLArn)
        throw new Error(`${input.ResourceArn} is not associated with ${input.WebACLArn}`);
      return { id: `${input.WebACLArn},${input.ResourceArn}`, state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.webAclLoggingConfiguration]: async (args, c) => {
      const input = webAclLoggingCommand(inputsOf<WebAclLoggingInputs>(args));
      await c.wafv2.send(new PutLoggingConfigurationCommand(input));
      return { id: need(input.LoggingConfiguration?.ResourceArn, "logged web ACL ARN"), state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.logGroup]: async (args, c) => {
      const i = inputsOf<LogGroupInputs>(args);
      const name = logGroupName(i, args.name, suffix());
      const cmds = logGroupCommands(i, name);
      await c.logs.send(new CreateLogGroupCommand(cmds.create));
      if (cmds.retention) await c.logs.send(new PutRetentionPolicyCommand(cmds.retention));
      return { id: name, state: { ...args.inputs, name, arn: logGroupArn(region, OFFLINE_ACCOUNT, name) } };
    },
    [RESOURCE_TYPES.logResourcePolicy]: async (args, c) => {
      const input = logResourcePolicyCommand(inputsOf<LogResourcePolicyInputs>(args));
      await c.logs.send(new PutResourcePolicyCommand(input));
      return { id: input.policyName as string, state: { ...args.inputs } };
    },
    [RESOURCE_TYPES.metricAlarm]: async (args, c) => {
      const i = inputsOf<MetricAlarmInputs>(args);
      const name = i.name ?? `${args.name}-${suffix()}`;
      await c.cloudwatch.send(new PutMetricAlarmCommand(metricAlarmCommand(i, name)));
      return {
        id: name,
        state: { ...args.inputs, name, arn: `arn:aws:cloudwatch:${region}:${OFFLINE_ACCOUNT}:alarm:${name}` },
      };
    },
    [RESOURCE_TYPES.dashboard]: async (args, c) => {
      const input = dashboardCommand(inputsOf<DashboardInputs>(args));
      await c.cloudwatch.send(new PutDashboardCommand(input));
      const name = input.DashboardName as string;
      return {
        id: name,
        state: { ...args.inputs, dashboardArn: `arn:aws:cloudwatch::${OFFLINE_ACCOUNT}:dashboard/${name}` },
      };
    },
    [RESOURCE_TYPES.snsTopic]: async (args, c) => {
      const i = inputsOf<TopicInputs>(args);
      const name = topicName(i, args.name, suffix());
      const arn = need((await c.sns.send(new CreateTopicCommand(topicCommand(i, name)))).TopicArn, "topic ARN");
      return { id: arn, state: { ...args.inputs, name, arn, owner: OFFLINE_ACCOUNT } };
    },
    [RESOURCE_TYPES.snsTopicPolicy]: async (args, c) => {
      const input = topicPolicyCommand(inputsOf<TopicPolicyInputs>(args));
      await c.sns.send(new SetTopicAttributesCommand(input));
      return { id: input.TopicArn as string, state: { ...args.inputs, owner: OFFLINE_ACCOUNT } };
    },
    [RESOURCE_TYPES.snsTopicSubscription]: async (args, c) => {
      const input = topicSubscriptionCommand(inputsOf<TopicSubscriptionInputs>(args));
      const arn = need((await c.sns.send(new SubscribeCommand(input))).SubscriptionArn, "subscription ARN");
      return { id: arn, state: { ...args.inputs, arn, ownerId: OFFLINE_ACCOUNT } };
    },
    [RESOURCE_TYPES.kmsKey]: async (args, c) => {
      const cmds = kmsKeyCommands(inputsOf<KmsKeyInputs>(args));
      const key = need((await c.kms.send(new CreateKeyCommand(cmds.create))).KeyMetadata, "key");
      const keyId = need(key.KeyId, "key id");
      if (cmds.rotation) await c.kms.send(new EnableKeyRotationCommand({ ...cmds.rotation, KeyId: keyId }));
      return { id: keyId, state: { ...args.inputs, keyId, arn: need(key.Arn, "key ARN") } };
    },
  } satisfies Record<EmulatedType, Handler>;
}

/** Resource types this backend creates in the emulator. */
export const EMULATED_TYPES: readonly string[] = Object.keys(handlers("us-east-1"));

export interface EmulatorBackendOptions {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** The stack's region, as the program sees it. */
  region: string;
}

export function emulatorBackend(opts: EmulatorBackendOptions): EmulatorBackend {
  const clients = emulatorClients({ endpoint: opts.endpoint });
  const offline = offlineBackend(opts.region);
  const table = handlers(opts.region);
  const notEmulated: NotEmulatedResource[] = [];
  const emulated: EmulatedResource[] = [];
  return {
    notEmulated,
    emulated,
    async newResource(args) {
      const handler = table[args.type];
      if (handler) {
        try {
          const created = await handler(args, clients);
          emulated.push({ type: args.type, name: args.name, id: created.id });
          return created;
        } catch (e) {
          throw new Error(
            `emulator: creating ${args.type} ${args.name} failed: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
      const reason = NOT_EMULATED[args.type];
      if (reason) notEmulated.push({ type: args.type, name: args.name, reason });
      else if (!LOCAL_TYPES.includes(args.type)) {
        throw new Error(
          `emulator backend: no handler for resource type ${args.type} (${args.name}); add one to emulator/backend or list it in emulator/backend/not-emulated.ts`,
        );
      }
      return offline.newResource(args);
    },
    call(args) {
      return offline.call(args);
    },
  };
}
