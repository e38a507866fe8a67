import * as assert from "node:assert";
import type { RecordedResource } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const POOL = "aws:cognito/identityPool:IdentityPool";
const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment";
const PARENT = "cognito-auth:index:CognitoIdentityPool::cognito-identity-pool";

type Statement = {
  Effect: string;
  Principal: unknown;
  Action: unknown;
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
const statements = (json: unknown): Statement[] => (JSON.parse(json as string) as { Statement: Statement[] }).Statement;
const clientId = (run: RunResult, key: string): string | undefined =>
  one(run, "aws:cognito/userPoolClient:UserPoolClient", `-client-${key}`).id;
const poolRoles = (run: RunResult): RecordedResource[] => ofType(run, ROLE).filter((r) => r.parent === PARENT);

describe("components/identity-pool", () => {
  let dev: RunResult;
  let prod: RunResult;
  let access: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    access = await runStack("custom-access", `${__dirname}/../../fixtures/custom-access`);
  });

  it("prod has no identity pool (the preset leaves it off)", () => {
    assert.strictEqual(ofType(prod, POOL).length, 0);
    assert.strictEqual(ofType(prod, ATTACHMENT).length, 0);
  });

  it("dev: accepts the web client's tokens with server-side checks, no guests, no classic flow", () => {
    const pool = one(dev, POOL);
    assert.strictEqual(pool.parent, PARENT);
    assert.strictEqual(pool.inputs.identityPoolName, "cognito-identity-pool-dev");
    assert.strictEqual(pool.inputs.allowUnauthenticatedIdentities, false);
    assert.strictEqual(pool.inputs.allowClassicFlow, false);
    const userPoolId = one(dev, "aws:cognito/userPool:UserPool").id;
    assert.deepStrictEqual(
      pool.inputs.cognitoIdentityProviders,
      [
        {
          clientId: clientId(dev, "web"),
          providerName: `cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
          serverSideTokenCheck: true,
        },
      ],
      "by default only web and native clients; never the server or machine client",
    );
  });

  it("the authenticated role trusts only this pool, only signed-in identities", () => {
    const roles = poolRoles(dev);
    assert.deepStrictEqual(
      roles.map((r) => r.name),
      ["cognito-identity-pool-authenticated"],
      "no guest role unless guests are on",
    );
    assert.deepStrictEqual(statements(roles[0].inputs.assumeRolePolicy), [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "cognito-identity.amazonaws.com:aud": one(dev, POOL).id },
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
        },
      },
    ]);
  });

  it("the authenticated role's inline policy is the configured statements, nothing more", () => {
    const policy = one(dev, POLICY, "-authenticated-policy");
    assert.strictEqual(policy.inputs.role, one(dev, ROLE, "-identity-pool-authenticated").state.name);
    assert.deepStrictEqual(statements(policy.inputs.policy), [
      { Effect: "Allow", Action: "execute-api:Invoke", Resource: "arn:aws:execute-api:us-east-1:*:*/dev/GET/profile" },
    ]);
  });

  it("attaches the roles and maps cognito:preferred_role from each client's tokens", () => {
    const a = one(dev, ATTACHMENT);
    const userPoolId = one(dev, "aws:cognito/userPool:UserPool").id;
    assert.strictEqual(a.inputs.identityPoolId, one(dev, POOL).id);
    assert.deepStrictEqual(a.inputs.roles, { authenticated: one(dev, ROLE, "-identity-pool-authenticated").state.arn });
    assert.deepStrictEqual(a.inputs.roleMappings, [
      {
        identityProvider: `cognito-idp.us-east-1.amazonaws.com/${userPoolId}:${clientId(dev, "web")}`,
        type: "Token",
        ambiguousRoleResolution: "AuthenticatedRole",
      },
    ]);
  });

  it("with guests on: a separate guest role (amr unauthenticated) with its own policy, and the named clients", () => {
    const pool = one(access, POOL);
    assert.strictEqual(pool.inputs.allowUnauthenticatedIdentities, true);
    const ids = (pool.inputs.cognitoIdentityProviders as Array<Record<string, unknown>>).map((p) => p.clientId);
    assert.deepStrictEqual(ids, [clientId(access, "web"), clientId(access, "mobile")]);
    const guest = one(access, ROLE, "-identity-pool-unauthenticated");
    const trust = statements(guest.inputs.assumeRolePolicy)[0];
    assert.deepStrictEqual(trust.Condition, {
      StringEquals: { "cognito-identity.amazonaws.com:aud": pool.id },
      "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "unauthenticated" },
    });
    const guestPolicy = one(access, POLICY, "-unauthenticated-policy");
    assert.strictEqual(guestPolicy.inputs.role, guest.state.name);
    assert.deepStrictEqual(statements(guestPolicy.inputs.policy), [
      { Effect: "Allow", Action: "mobiletargeting:GetEndpoint", Resource: "*" },
    ]);
    const a = one(access, ATTACHMENT);
    assert.deepStrictEqual(a.inputs.roles, {
      authenticated: one(access, ROLE, "-identity-pool-authenticated").state.arn,
      unauthenticated: guest.state.arn,
    });
    assert.deepStrictEqual(
      (a.inputs.roleMappings as Array<Record<string, unknown>>).map((m) => m.ambiguousRoleResolution),
      ["Deny", "Deny"],
    );
  });

  it("creates nothing inside an apply", () => {
    for (const run of [dev, access]) assert.deepStrictEqual(run.createdLate, []);
  });
});
