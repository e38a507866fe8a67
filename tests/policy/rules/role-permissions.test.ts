import * as assert from "assert";
import { grantProblems, roleGrants } from "../../../policy/rules/role-permissions";
import { createStackValidationArgs } from "../../../policy/validation-args";
import { doc } from "../fixtures";
import { res, T } from "../harness";

const ARN = "arn:aws:iam::123456789012:role/app";
const stmt = (action: string) => JSON.stringify(doc({ Effect: "Allow", Action: action, Resource: "*" }));

describe("policy/rules/role-permissions", () => {
  it("collects inline policies, role policies, managed ARNs and both attachment types", () => {
    const defined = "arn:aws:iam::123456789012:policy/defined";
    const { resources } = createStackValidationArgs([
      res(T.role, "app", { name: "app", arn: ARN, inlinePolicies: [{ name: "inline", policy: stmt("s3:GetObject") }], managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }),
      res(T.rolePolicy, "rp", { role: "app", policy: stmt("sqs:SendMessage") }),
      res(T.rolePolicyAttachment, "rpa", { role: ARN, policyArn: defined }),
      res(T.policy, "defined", { arn: defined, policy: stmt("dynamodb:GetItem") }),
      res(T.policyAttachment, "pa", { roles: ["app"], policyArn: "arn:aws:iam::aws:policy/AmazonSNSFullAccess" }),
      res(T.rolePolicy, "elsewhere", { role: "another", policy: stmt("*") }),
    ]);
    const grants = roleGrants(resources[0], resources);
    assert.deepStrictEqual(grants.map((g) => g.source), [
      "inline policy \"inline\"",
      "role policy rp",
      "managed policy arn:aws:iam::aws:policy/ReadOnlyAccess",
      "policy defined",
      "managed policy arn:aws:iam::aws:policy/AmazonSNSFullAccess",
    ]);
    assert.deepStrictEqual(grants[3].statements?.[0].actions, ["dynamodb:GetItem"]);
    assert.deepStrictEqual(grantProblems(grants, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]), [
      "attaches the broad managed policy arn:aws:iam::aws:policy/AmazonSNSFullAccess",
    ]);
  });
  it("reports a document that is not a policy, and a managed policy it cannot see", () => {
    const problems = grantProblems([
      { source: "role policy rp" },
      { source: "managed policy arn:aws:iam::123456789012:policy/x", managedPolicyArn: "arn:aws:iam::123456789012:policy/x" },
    ], []);
    assert.deepStrictEqual(problems, [
      "has role policy rp, which is not a valid policy document",
      "attaches managed policy arn:aws:iam::123456789012:policy/x, which this stack does not define, so its actions cannot be checked",
    ]);
  });
});
