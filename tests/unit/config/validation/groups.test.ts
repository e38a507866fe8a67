import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const pool = { identityPool: { enabled: true } };
const role = (...policyArns: string[]): Record<string, unknown> => ({ policyArns });

describe("config/validation/groups", () => {
  it("accepts the preset groups and a created role with the identity pool on", () => {
    const c = load("dev", {
      ...pool,
      groups: { Administrators: { role: role("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") } },
    });
    assert.deepStrictEqual(Object.keys(c.groups), ["Administrators", "PremiumCustomers", "Customers"]);
  });

  it("roleArn and role are exclusive", () => {
    assertIssue(
      issuesFor("dev", {
        ...pool,
        groups: {
          Administrators: {
            roleArn: "arn:aws:iam::123456789012:role/admins",
            role: role("arn:aws:iam::aws:policy/ReadOnlyAccess"),
          },
        },
      }),
      "groups.Administrators.role",
      "not both",
    );
  });

  it("a created role needs the identity pool it trusts", () => {
    assertIssue(
      issuesFor("dev", { groups: { Administrators: { role: role("arn:aws:iam::aws:policy/ReadOnlyAccess") } } }),
      "groups.Administrators.role",
      "identityPool.enabled",
    );
  });

  it("role ARNs and policy ARNs must be IAM ARNs; admin-level and duplicate policies are refused", () => {
    const issues = issuesFor("dev", {
      ...pool,
      groups: {
        PremiumCustomers: { roleArn: "arn:aws:iam::123456789012:user/premium" },
        Administrators: {
          role: role(
            "arn:aws:s3:::bucket",
            "arn:aws:iam::aws:policy/AdministratorAccess",
            "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
            "arn:aws:iam::123456789012:policy/ViewOnlyAccess",
          ),
        },
      },
    });
    assertIssue(issues, "groups.PremiumCustomers.roleArn", "IAM role ARN");
    assertIssue(issues, "groups.Administrators.role.policyArns[0]", "managed policy ARN");
    assertIssue(issues, "groups.Administrators.role.policyArns[1]", "too broad");
    assertIssue(issues, "groups.Administrators.role.policyArns[3]", "already listed");
  });

  it("equal precedence is an error only when the groups carry different roles", () => {
    assertIssue(
      issuesFor("dev", {
        ...pool,
        groups: {
          Administrators: { precedence: 5, roleArn: "arn:aws:iam::123456789012:role/admins" },
          PremiumCustomers: { precedence: 5, roleArn: "arn:aws:iam::123456789012:role/premium" },
        },
      }),
      "groups.PremiumCustomers.precedence",
      "cognito:preferred_role",
    );
    assert.ok(
      load("dev", { groups: { Administrators: { precedence: 5 }, PremiumCustomers: { precedence: 5 } } }),
      "no roles: fine",
    );
    assert.ok(
      load("dev", {
        ...pool,
        groups: {
          Administrators: { precedence: 5, roleArn: "arn:aws:iam::123456789012:role/shared" },
          PremiumCustomers: { precedence: 5, roleArn: "arn:aws:iam::123456789012:role/shared" },
        },
      }),
      "the same role: Cognito still sets cognito:preferred_role",
    );
  });

  it("group roles need the identity pool's token role mapping", () => {
    assertIssue(
      issuesFor("dev", {
        identityPool: { enabled: true, roleMapping: null },
        groups: { PremiumCustomers: { roleArn: "arn:aws:iam::123456789012:role/premium" } },
      }),
      "groups.PremiumCustomers.roleArn",
      "identityPool.roleMapping",
    );
  });

  it("names and descriptions beyond Cognito's limits (cognito-peers (b)27-29) are refused by the schema, with their path", () => {
    assertIssue(
      issuesFor("dev", { groups: { "Premium Customers": { precedence: 3 } } }),
      "groups.Premium Customers",
      "Invalid key",
    );
    assertIssue(
      issuesFor("dev", { groups: { Customers: { description: "x".repeat(2049) } } }),
      "groups.Customers.description",
      "2048",
    );
    assertIssue(issuesFor("dev", { groups: { Customers: { precedence: -1 } } }), "groups.Customers.precedence", ">=0");
  });
});
