import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IdentityPoolModel, PolicyStatement } from "../config/model";
import { applyTransform, type Transform } from "./transform";
import type { CognitoUserPoolClient } from "./user-pool-client";

export interface CognitoIdentityPoolArgs {
  /** `identityPool` from the model (validated: clients exist, no wildcard grants, no guests in prod). */
  identityPool: IdentityPoolModel;
  /** The user pool whose tokens the identity pool accepts. */
  userPool: aws.cognito.UserPool;
  /** The app clients by config key; the accepted ones are `identityPool.clientKeys`. */
  clients: Record<string, CognitoUserPoolClient>;
  /** The stack's region, for the user pool's provider name. */
  region: string;
  /** Tags for every taggable child. @default none */
  tags?: Record<string, string>;
  /** Override any child's args. @default none */
  transform?: {
    identityPool?: Transform<aws.cognito.IdentityPoolArgs>;
    authenticatedRole?: Transform<aws.iam.RoleArgs>;
    authenticatedPolicy?: Transform<aws.iam.RolePolicyArgs>;
    unauthenticatedRole?: Transform<aws.iam.RoleArgs>;
    unauthenticatedPolicy?: Transform<aws.iam.RolePolicyArgs>;
    roleAttachment?: Transform<aws.cognito.IdentityPoolRoleAttachmentArgs>;
  };
}

/**
 * The trust policy of a role the identity pool hands out: only `cognito-identity.amazonaws.com`,
 * only through web identity, only for this identity pool (`aud`) and only for identities that
 * signed in (`amr` authenticated) or guests (`amr` unauthenticated).
 */
export function identityPoolTrustPolicy(
  identityPoolId: pulumi.Input<string>,
  amr: "authenticated" | "unauthenticated",
): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "cognito-identity.amazonaws.com:aud": identityPoolId },
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": amr },
        },
      },
    ],
  });
}

function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * An identity pool that trades the user pool's tokens for AWS credentials. It accepts the chosen
 * app clients with server-side token checks (a revoked or signed-out token gets no credentials),
 * never the classic flow, and guests only when the stack asks. Authenticated users get the
 * `authenticatedPolicy` role, or their group's role through `cognito:preferred_role` (token role
 * mapping).
 */
export class CognitoIdentityPool extends pulumi.ComponentResource {
  readonly identityPool: aws.cognito.IdentityPool;
  readonly authenticatedRole: aws.iam.Role;
  /** Only with guests on. */
  readonly unauthenticatedRole?: aws.iam.Role;
  readonly roleAttachment: aws.cognito.IdentityPoolRoleAttachment;

  constructor(name: string, args: CognitoIdentityPoolArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:CognitoIdentityPool", name, {}, opts);
    const c = args.identityPool;
    const t = args.transform ?? {};
    const providerName = pulumi.interpolate`cognito-idp.${args.region}.amazonaws.com/${args.userPool.id}`;
    const clientIds = c.clientKeys.map((key) => {
      const client = args.clients[key]?.client;
      if (client === undefined) throw new Error(`identity pool: app client "${key}" has no resource`);
      return client.id;
    });

    this.identityPool = new aws.cognito.IdentityPool(
      ...applyTransform(
        t.identityPool,
        name,
        {
          identityPoolName: `${name}-${pulumi.getStack()}`.replace(/[^\w\s+=,.@-]/g, "-"),
          allowUnauthenticatedIdentities: c.allowUnauthenticatedIdentities,
          // The classic (basic) flow skips role mapping and lets a client pick any role the pool trusts.
          allowClassicFlow: false,
          cognitoIdentityProviders: clientIds.map((clientId) => ({
            clientId,
            providerName,
            serverSideTokenCheck: true,
          })),
          tags: args.tags,
        },
        { parent: this },
      ),
    );
    const poolId = this.identityPool.id;

    this.authenticatedRole = new aws.iam.Role(
      ...applyTransform(
        t.authenticatedRole,
        `${name}-authenticated`,
        {
          description: "Credentials for signed-in users of the identity pool",
          assumeRolePolicy: identityPoolTrustPolicy(poolId, "authenticated"),
          tags: args.tags,
        },
        { parent: this },
      ),
    );
    if (c.authenticatedPolicy.length > 0) {
      new aws.iam.RolePolicy(
        ...applyTransform(
          t.authenticatedPolicy,
          `${name}-authenticated-policy`,
          {
            role: this.authenticatedRole.id,
            policy: policyDocument(c.authenticatedPolicy),
          },
          { parent: this },
        ),
      );
    }

    if (c.allowUnauthenticatedIdentities) {
      this.unauthenticatedRole = new aws.iam.Role(
        ...applyTransform(
          t.unauthenticatedRole,
          `${name}-unauthenticated`,
          {
            description: "Credentials for guests of the identity pool",
            assumeRolePolicy: identityPoolTrustPolicy(poolId, "unauthenticated"),
            tags: args.tags,
          },
          { parent: this },
        ),
      );
      if (c.unauthenticatedPolicy.length > 0) {
        new aws.iam.RolePolicy(
          ...applyTransform(
            t.unauthenticatedPolicy,
            `${name}-unauthenticated-policy`,
            {
              role: this.unauthenticatedRole.id,
              policy: policyDocument(c.unauthenticatedPolicy),
            },
            { parent: this },
          ),
        );
      }
    }

    const mapping = c.roleMapping;
    this.roleAttachment = new aws.cognito.IdentityPoolRoleAttachment(
      ...applyTransform(
        t.roleAttachment,
        `${name}-roles`,
        {
          identityPoolId: poolId,
          roles: this.unauthenticatedRole
            ? { authenticated: this.authenticatedRole.arn, unauthenticated: this.unauthenticatedRole.arn }
            : { authenticated: this.authenticatedRole.arn },
          roleMappings: mapping
            ? clientIds.map((clientId) => ({
                identityProvider: pulumi.interpolate`${providerName}:${clientId}`,
                type: "Token",
                ambiguousRoleResolution: mapping.ambiguousRoleResolution,
              }))
            : undefined,
        },
        { parent: this },
      ),
    );

    this.registerOutputs({
      identityPoolId: poolId,
      authenticatedRoleArn: this.authenticatedRole.arn,
      unauthenticatedRoleArn: this.unauthenticatedRole?.arn,
    });
  }
}
