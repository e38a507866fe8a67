import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const user = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ groups: ["Customers"], ...over });

describe("config/validation/seed-users", () => {
  it("accepts the dev preset's users", () => {
    assert.deepStrictEqual(Object.keys(load("dev", {}).seedUsers), ["admin@example.com", "customer@example.com"]);
  });

  it("refuses seed users in a prod stack, each by name", () => {
    const issues = issuesFor("prod", { seedUsers: { "qa@example.com": user(), "qa2@example.com": user() } });
    assertIssue(issues, 'seedUsers["qa@example.com"]', "non-prod stacks only");
    assertIssue(issues, 'seedUsers["qa2@example.com"]', "non-prod stacks only");
  });

  it("groups must exist and be listed once", () => {
    const issues = issuesFor("dev", {
      seedUsers: { "qa@example.com": user({ groups: ["Customers", "Admins", "Customers"] }) },
    });
    assertIssue(issues, 'seedUsers["qa@example.com"].groups[1]', 'no group named "Admins"');
    assertIssue(issues, 'seedUsers["qa@example.com"].groups[2]', "listed twice");
    assertIssue(
      issuesFor("dev", { seedUsers: { "qa@example.com": user({ groups: ["toString"] }) } }),
      'seedUsers["qa@example.com"].groups[0]',
      "no group named",
    );
  });

  it("attributes must be standard or custom:<defined>, with values their type allows", () => {
    const issues = issuesFor("dev", {
      seedUsers: {
        "qa@example.com": user({
          attributes: {
            given_nmae: "Q",
            "custom:plan": "x",
            email_verified: "yes",
            "custom:customer_tier": "t".repeat(33),
            phone_number: "555-0100",
          },
        }),
      },
    });
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.given_nmae', 'did you mean "given_name"');
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.custom:plan', "not defined in pool.schemas");
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.email_verified', '"true" or "false"');
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.custom:customer_tier', "1-32 characters");
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.phone_number', "E.164");
  });

  it("Number and Boolean custom attributes take integers and true/false", () => {
    const issues = issuesFor("dev", {
      pool: {
        schemas: [
          { name: "seats", attributeDataType: "Number" },
          { name: "beta", attributeDataType: "Boolean" },
        ],
      },
      seedUsers: { "qa@example.com": user({ attributes: { "custom:seats": "2.5", "custom:beta": "yes" } }) },
    });
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.custom:seats', "integer");
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.custom:beta', '"true" or "false"');
  });

  it("the username must be an email in an email-username pool, and a given email must match it", () => {
    const issues = issuesFor("dev", {
      seedUsers: { qa: user(), "qa@example.com": user({ attributes: { email: "other@example.com" } }) },
    });
    assertIssue(issues, "seedUsers.qa", "must be an email address");
    assertIssue(issues, 'seedUsers["qa@example.com"].attributes.email', "must equal the username");
  });

  it("phone-number pools take E.164 usernames", () => {
    const phonePool = {
      pool: {
        usernameAttributes: ["phone_number"],
        requiredStandardAttributes: [],
        autoVerifiedAttributes: ["phone_number"],
        userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdates: ["phone_number"] },
      },
      messaging: { sms: { enabled: true } },
    };
    const preset = { "admin@example.com": null, "customer@example.com": null };
    assert.ok(load("dev", { ...phonePool, seedUsers: { ...preset, "+15555550100": user() } }));
    assertIssue(
      issuesFor("dev", { ...phonePool, seedUsers: { ...preset, "5555550100": user() } }),
      "seedUsers.5555550100",
      "E.164",
    );
  });

  it("every required standard attribute must be given (an email username gives the email)", () => {
    const issues = issuesFor("dev", {
      pool: { requiredStandardAttributes: ["email", "given_name"] },
      seedUsers: { "qa@example.com": user() },
    });
    const issue = assertIssue(issues, 'seedUsers["qa@example.com"].attributes', "needs given_name");
    assert.ok(!issue.rule.includes("email"), issue.rule);
  });
});
