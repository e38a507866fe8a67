import * as assert from "node:assert";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const GROUP = "aws:cognito/userGroup:UserGroup";
const ROLE = "aws:iam/role:Role";
const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const PARENT = "cognito-auth:index:CognitoGroups::cognito-groups";

describe("components/groups", () => {
  let dev: RunResult;
  let prod: RunResult;
  let access: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    access = await runStack("custom-access", `${__dirname}/../../fixtures/custom-access`);
  });

  it("creates the recipe's groups with description and precedence, in the pool, under the component", () => {
    for (const run of [dev, prod]) {
      const groups = ofType(run, GROUP);
      const poolId = one(run, "aws:cognito/userPool:UserPool").id;
      assert.deepStrictEqual(groups.map((g) => [g.inputs.name, g.inputs.precedence, g.inputs.description]).sort(), [
        ["Administrators", 1, "Administrators with full access"],
        ["Customers", 10, "All customers"],
        ["PremiumCustomers", 5, "Customers with a premium subscription"],
      ]);
      for (const g of groups) {
        assert.strictEqual(g.inputs.userPoolId, poolId);
        assert.strictEqual(g.parent, PARENT);
        assert.strictEqual(g.inputs.roleArn, undefined, "no role unless configured");
      }
      assert.strictEqual(ofType(run, ROLE).filter((r) => r.parent === PARENT).length, 0);
    }
  });

  it("prod protects and retains its groups: a renamed or removed group key fails preview instead of losing memberships", () => {
    for (const g of ofType(prod, GROUP)) assert.deepStrictEqual([g.protect, g.retainOnDelete], [true, true], g.name);
    for (const g of ofType(dev, GROUP)) assert.deepStrictEqual([g.protect, g.retainOnDelete], [false, false], g.name);
  });

  it("a created role trusts only the identity pool, only for signed-in identities", () => {
    const role = one(access, ROLE, "-Administrators-role");
    assert.strictEqual(role.parent, PARENT);
    assert.strictEqual(role.inputs.namePrefix, "Administrators-");
    const trust = JSON.parse(role.inputs.assumeRolePolicy as string) as { Statement: Array<Record<string, unknown>> };
    assert.strictEqual(trust.Statement.length, 1);
    assert.deepStrictEqual(trust.Statement[0], {
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": one(access, "aws:cognito/identityPool:IdentityPool").id },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
      },
    });
  });

  it("attaches each managed policy to the created role, named by policy", () => {
    const role = one(access, ROLE, "-Administrators-role");
    const attachments = ofType(access, ATTACH);
    assert.deepStrictEqual(attachments.map((a) => [a.name, a.inputs.policyArn]).sort(), [
      ["cognito-groups-Administrators-AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
      ["cognito-groups-Administrators-app-admin", "arn:aws:iam::123456789012:policy/app-admin"],
    ]);
    for (const a of attachments) {
      assert.strictEqual(a.inputs.role, role.state.name);
      assert.strictEqual(a.parent, PARENT);
    }
  });

  it("gives each group its created role, its existing roleArn, or none", () => {
    const roleArn = (name: string): unknown =>
      ofType(access, GROUP).find((g) => g.inputs.name === name)?.inputs.roleArn;
    assert.strictEqual(roleArn("Administrators"), one(access, ROLE, "-Administrators-role").state.arn);
    assert.strictEqual(roleArn("PremiumCustomers"), "arn:aws:iam::123456789012:role/premium-customers");
    assert.strictEqual(roleArn("Customers"), undefined);
    assert.strictEqual(
      ofType(access, ROLE).filter((r) => r.parent === PARENT).length,
      1,
      "no role is created for an existing roleArn",
    );
  });
});
