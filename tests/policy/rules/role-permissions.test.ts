import * as assert from "node:assert";
import { createStackValidationArgs } from "../../../plan/validation-args";
import { grantProblems, roleGrants } from "../../../policy/rules/role-permissions";
import { doc } from "../fixtures";
import { res, T, UNKNOWN } from "../harness";

const ARN = "arn:aws:iam::123456789012:role/app";
const stmt = (action: string) => JSON.stringify(doc({ Effect: "Allow", Action: action, Resource: "*" }));

describe("policy/rules/role-permissions", () => {
  it("collects inline policies, role policies, managed ARNs and both attachment types", () => {
    const defined = "arn:aws:iam::123456789012:policy/defined";
    const { resources } = createStackValidationArgs([
      res(T.role, "app", {
        name: "app",
        arn: ARN,
        inlinePolicies: [{ name: "inline", policy: stmt("s3:GetObject") }],
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      }),
      res(T.rolePolicy, "rp", { role: "app", policy: stmt("sqs:SendMessage") }),
      res(T.rolePolicyAttachment, "rpa", { role: ARN, policyArn: defined }),
      res(T.policy, "defined", { arn: defined, policy: stmt("dynamodb:GetItem") }),
      res(T.policyAttachment, "pa", { roles: ["app"], policyArn: "arn:aws:iam::aws:policy/AmazonSNSFullAccess" }),
      res(T.rolePolicy, "elsewhere", { role: "another", policy: stmt("*") }),
    ]);
    const { grants, unknown } = roleGrants(resources[0], resources);
    assert.strictEqual(unknown, undefined);
    assert.deepStrictEqual(
      grants.map((g) => g.source),
      [
        'inline policy "inline"',
        "role policy rp",
        "managed policy arn:aws:iam::aws:policy/ReadOnlyAccess",
        "policy defined",
        "managed policy arn:aws:iam::aws:policy/AmazonSNSFullAccess",
      ],
    );
    assert.deepStrictEqual(grants[3].statements?.[0].actions, ["dynamodb:GetItem"]);
    assert.deepStrictEqual(grantProblems(grants, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]), [
      "attaches the broad managed policy arn:aws:iam::aws:policy/AmazonSNSFullAccess",
    ]);
  });
  it('skips inline entries without a policy (the provider\'s [{}] marker for "remove all")', () => {
    const { resources } = createStackValidationArgs([
      res(T.role, "app", {
        name: "app",
        arn: ARN,
        inlinePolicies: [{}, { name: "blank", policy: "" }, { name: "real", policy: stmt("s3:GetObject") }],
      }),
    ]);
    const { grants, unknown } = roleGrants(resources[0], resources);
    assert.deepStrictEqual(
      grants.map((g) => g.source),
      ['inline policy "real"'],
    );
    assert.strictEqual(unknown, undefined);
    assert.deepStrictEqual(grantProblems(grants, []), []);
  });
  it("returns what preview knows while inlinePolicies and managedPolicyArns are unknown (computed on a new role), with the first unknown", () => {
    const { resources } = createStackValidationArgs([
      res(T.role, "app", { name: "app", arn: ARN, inlinePolicies: UNKNOWN.string, managedPolicyArns: UNKNOWN.string }),
      res(T.rolePolicy, "rp", { role: "app", policy: stmt("s3:*") }),
    ]);
    const { grants, unknown } = roleGrants(resources[0], resources);
    assert.deepStrictEqual(
      grants.map((g) => g.source),
      ["role policy rp"],
    );
    assert.deepStrictEqual(unknown?.props, ["inlinePolicies"]);
    assert.deepStrictEqual(grantProblems(grants, []), ['allows wildcard action "s3:*" in role policy rp']);
  });
  it("reads each inline entry and each managed ARN on its own", () => {
    const { resources } = createStackValidationArgs([
      res(T.role, "app", {
        name: "app",
        arn: ARN,
        inlinePolicies: [
          { name: "later", policy: UNKNOWN.string },
          { name: "now", policy: stmt("s3:GetObject") },
        ],
        managedPolicyArns: [UNKNOWN.string, "arn:aws:iam::aws:policy/AdministratorAccess"],
      }),
    ]);
    const { grants, unknown } = roleGrants(resources[0], resources);
    assert.deepStrictEqual(
      grants.map((g) => g.source),
      ['inline policy "now"', "managed policy arn:aws:iam::aws:policy/AdministratorAccess"],
    );
    assert.deepStrictEqual(unknown?.props, ["inlinePolicies", "0", "policy"]);
  });
  it("reports a document that is not a policy, and a managed policy it cannot see", () => {
    const problems = grantProblems(
      [
        { source: "role policy rp" },
        {
          source: "managed policy arn:aws:iam::123456789012:policy/x",
          managedPolicyArn: "arn:aws:iam::123456789012:policy/x",
        },
      ],
      [],
    );
    assert.deepStrictEqual(problems, [
      "has role policy rp, which is not a valid policy document",
      "attaches managed policy arn:aws:iam::123456789012:policy/x, which this stack does not define, so its actions cannot be checked",
    ]);
  });
});
