import * as assert from "node:assert";
import { builtFunctionNames } from "../../../../config/model";
import { assertIssue, issuesFor, load } from "../../helpers";

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const SENDER = {
  from: "Dev <no-reply@dev.example.com>",
  sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/dev.example.com",
};

describe("config/validation/trigger-functions", () => {
  it("accepts every function with a sender, and the API", () => {
    const m = load("dev", {
      triggers: {
        functions: {
          preSignUp: { allowedDomains: ["example.com"], autoConfirmDomains: ["example.com"] },
          postConfirmation: { groupsByDomain: { "example.com": "Administrators", "*": "Customers" }, welcomeEmail: {} },
          preTokenGeneration: { groupScopes: { Customers: ["api/read"] } },
          customChallenge: { clients: ["app"] },
          sender: SENDER,
        },
      },
      clients: { app: { kind: "web", allowedOauthFlows: [] } },
      api: { clients: ["web"] },
    });
    assert.deepStrictEqual(builtFunctionNames(m.triggerFunctions), [
      "preSignUp",
      "postConfirmation",
      "preTokenGeneration",
      "customChallenge",
    ]);
    assert.deepStrictEqual(m.api?.scopes, ["https://api.dev.example.com/read"]);
  });

  it("refuses a trigger set both by ARN and as a built function", () => {
    assertIssue(
      issuesFor("dev", {
        triggers: {
          postConfirmation: fn("post"),
          functions: { postConfirmation: { groupsByDomain: { "*": "Customers" } } },
        },
      }),
      "triggers.postConfirmation",
      "also built by triggers.functions.postConfirmation",
    );
  });

  it("auto-confirm: dev only, and only for allowed domains", () => {
    const functions = { preSignUp: { allowedDomains: ["example.com"], autoConfirmDomains: ["example.org"] } };
    assertIssue(
      issuesFor("dev", { triggers: { functions } }),
      "triggers.functions.preSignUp.autoConfirmDomains",
      "not in allowedDomains",
    );
    const prod = issuesFor("prod", {
      triggers: { functions: { preSignUp: { allowedDomains: ["example.com"], autoConfirmDomains: ["example.com"] } } },
    });
    assertIssue(prod, "triggers.functions.preSignUp.autoConfirmDomains", "dev stacks only");
  });

  it("refuses a domain that is not lower-case host syntax", () => {
    assertIssue(
      issuesFor("dev", { triggers: { functions: { preSignUp: { allowedDomains: ["@Example.com"] } } } }),
      "triggers.functions.preSignUp.allowedDomains[0]",
      "email domain",
    );
  });

  it("groups, scopes and clients must exist", () => {
    const issues = issuesFor("dev", {
      triggers: {
        functions: {
          postConfirmation: { groupsByDomain: { "*": "Nobody" } },
          preTokenGeneration: { groupScopes: { Customers: ["api/delete", "openid"] } },
          customChallenge: { clients: ["ghost"] },
          sender: SENDER,
        },
      },
      api: { clients: ["ghost"], scopes: ["api/none"], adminGroup: "Root" },
    });
    assertIssue(issues, "triggers.functions.postConfirmation.groupsByDomain.*", "names no group");
    assertIssue(issues, "triggers.functions.preTokenGeneration.groupScopes.Customers", "defines no scope delete");
    assertIssue(issues, "triggers.functions.preTokenGeneration.groupScopes.Customers", "resource-server scope");
    assertIssue(issues, "triggers.functions.customChallenge.clients", "names no client");
    assertIssue(issues, "api.clients", "names no client");
    assertIssue(issues, "api.scopes", "defines no scope none");
    assertIssue(issues, "api.adminGroup", "names no group");
  });

  it("refuses the hosted UI on a custom-challenge client: managed login would skip the code", () => {
    assertIssue(
      issuesFor("dev", { triggers: { functions: { customChallenge: { clients: ["web"] }, sender: SENDER } } }),
      "clients.web.allowedOauthFlows",
      "never runs the custom challenge",
    );
  });

  it("email needs an SES sender: dev's Cognito mailer is not one", () => {
    assertIssue(
      issuesFor("dev", { triggers: { functions: { customChallenge: { clients: ["web"] } } } }),
      "triggers.functions.sender",
      "go through SES",
    );
    assertIssue(
      issuesFor("dev", {
        triggers: { functions: { customChallenge: { clients: ["web"] }, sender: { from: "a@dev.example.com" } } },
      }),
      "triggers.functions.sender.sourceArn",
      "SES identity",
    );
  });

  it("refuses claims Cognito sets itself (sub, cognito:groups, ...)", () => {
    const issues = issuesFor("dev", {
      triggers: { functions: { preTokenGeneration: { claims: { sub: "x", "cognito:groups": "y", tenant: "t" } } } },
    });
    assertIssue(issues, "triggers.functions.preTokenGeneration.claims.sub", "Cognito sets itself");
    assertIssue(issues, "triggers.functions.preTokenGeneration.claims.cognito:groups", "Cognito sets itself");
    assert.ok(!JSON.stringify(issues).includes("claims.tenant"));
  });

  it("pre token generation V2 needs ESSENTIALS or PLUS", () => {
    assertIssue(
      issuesFor("dev", {
        pool: { userPoolTier: "LITE", domain: undefined },
        domain: { managedLoginVersion: 1 },
        triggers: { functions: { preTokenGeneration: {} } },
      }),
      "triggers.functions.preTokenGeneration",
      "ESSENTIALS or PLUS",
    );
  });

  it("refuses a log retention CloudWatch does not offer", () => {
    assertIssue(
      issuesFor("dev", { triggers: { functions: { preTokenGeneration: {}, logRetentionDays: 42 } } }),
      "triggers.functions.logRetentionDays",
      "CloudWatch Logs retention",
    );
  });
});
