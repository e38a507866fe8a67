import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const allow = (
  Action: string | string[],
  Resource: string | string[] = "arn:aws:s3:::bucket/*",
): Record<string, unknown> => ({ Effect: "Allow", Action, Resource });
const ip = (over: Record<string, unknown>): Record<string, unknown> => ({ identityPool: { enabled: true, ...over } });

describe("config/validation/identity-pool", () => {
  it("defaults to every web and native client", () => {
    const c = load("dev", {
      ...ip({}),
      clients: { mobile: { kind: "native", callbackUrls: ["myapp://cb"], logoutUrls: ["myapp://out"] } },
    });
    assert.deepStrictEqual(c.identityPool.clientKeys, ["web", "mobile"]);
  });

  it("named clients must exist and have users", () => {
    const issues = issuesFor("dev", ip({ clients: ["web", "mobil", "service"] }));
    assertIssue(issues, "identityPool.clients[1]", 'no client named "mobil"');
    assertIssue(issues, "identityPool.clients[2]", "machine client");
    assertIssue(issuesFor("dev", ip({ clients: ["toString"] })), "identityPool.clients[0]", "no client named");
    assert.ok(load("dev", ip({ clients: ["web", "backend"] })), "a server client is user-facing");
  });

  it("needs at least one client", () => {
    assertIssue(issuesFor("dev", { ...ip({}), clients: { web: null } }), "identityPool.clients", "at least one");
  });

  it("refuses wildcard actions in Allow statements, not in Deny", () => {
    const issues = issuesFor(
      "dev",
      ip({ authenticatedPolicy: [allow("*"), allow(["s3:GetObject", "s3:*"]), allow("GetObject")] }),
    );
    assertIssue(issues, "identityPool.authenticatedPolicy[0].Action", "wildcard");
    assertIssue(issues, "identityPool.authenticatedPolicy[1].Action[1]", "wildcard");
    assertIssue(issues, "identityPool.authenticatedPolicy[2].Action", "IAM action");
    assert.ok(
      load("dev", ip({ authenticatedPolicy: [allow("s3:GetObject"), { Effect: "Deny", Action: "*", Resource: "*" }] })),
    );
  });

  it('Resource "*" only with read-only actions', () => {
    assertIssue(
      issuesFor("dev", ip({ authenticatedPolicy: [allow(["dynamodb:GetItem", "dynamodb:PutItem"], "*")] })),
      "identityPool.authenticatedPolicy[0].Resource",
      "scope dynamodb:PutItem",
    );
    assertIssue(
      issuesFor(
        "dev",
        ip({
          authenticatedPolicy: [allow("execute-api:Invoke", ["arn:aws:execute-api:us-east-1:*:*/dev/GET/x", "*"])],
        }),
      ),
      "identityPool.authenticatedPolicy[0].Resource",
      "execute-api:Invoke",
    );
    assert.ok(
      load(
        "dev",
        ip({ authenticatedPolicy: [allow(["s3:ListAllMyBuckets", "dynamodb:DescribeTable", "s3:Get*"], "*")] }),
      ),
    );
  });

  it("a guest policy needs guests on, and is checked like the authenticated one", () => {
    assertIssue(
      issuesFor("dev", ip({ unauthenticatedPolicy: [allow("s3:GetObject")] })),
      "identityPool.unauthenticatedPolicy",
      "allowUnauthenticatedIdentities",
    );
    assertIssue(
      issuesFor("dev", ip({ allowUnauthenticatedIdentities: true, unauthenticatedPolicy: [allow("s3:*")] })),
      "identityPool.unauthenticatedPolicy[0].Action",
      "wildcard",
    );
    assert.ok(
      load("dev", ip({ allowUnauthenticatedIdentities: true, unauthenticatedPolicy: [allow("s3:GetObject")] })),
    );
  });

  it("refuses guests in production", () => {
    assertIssue(
      issuesFor("prod", ip({ allowUnauthenticatedIdentities: true })),
      "identityPool.allowUnauthenticatedIdentities",
      "production",
    );
  });

  it("checks nothing while the identity pool is off", () => {
    assert.ok(load("dev", { identityPool: { enabled: false, authenticatedPolicy: [allow("*", "*")] } }));
  });
});
