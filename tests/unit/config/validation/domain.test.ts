import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

describe("config/validation/domain", () => {
  describe("prefix domain", () => {
    it("accepts the default prefix auth-<stack>, which avoids Cognito's reserved words", () => {
      assert.strictEqual(load("dev", {}).domain.prefix, "auth-dev");
    });
    it("refuses uppercase letters, other characters and edge hyphens", () => {
      for (const prefix of ["My-App", "my_app", "-myapp", "myapp-"]) {
        assertIssue(
          issuesFor("dev", { domain: { prefix } }),
          "domain.prefix",
          "must be lowercase letters, digits and hyphens, not starting or ending with a hyphen",
        );
      }
      assert.strictEqual(load("dev", { domain: { prefix: "my-app-2" } }).domain.prefix, "my-app-2");
    });
    it("refuses the words Cognito reserves", () => {
      for (const prefix of ["myaws", "amazon-login", "cognito-auth-dev"]) {
        assertIssue(
          issuesFor("dev", { domain: { prefix } }),
          "domain.prefix",
          "Cognito reserves aws, amazon and cognito",
        );
      }
    });
    it("says when the bad prefix came from the stack name", () => {
      assertIssue(
        issuesFor("cognito-test", { environment: "dev" }),
        "domain.prefix",
        `derived from stack name "cognito-test"; set domain.prefix`,
      );
    });
    it("counts the 7-character random suffix in the 63-character limit", () => {
      assertIssue(
        issuesFor("dev", { domain: { prefix: "a".repeat(57) } }),
        "domain.prefix",
        "must be 1-56 characters (63 with the 7-character random suffix)",
      );
      assert.ok(load("dev", { domain: { prefix: "a".repeat(56) } }));
      assert.ok(load("dev", { domain: { prefix: "a".repeat(63), randomSuffix: false } }));
      assertIssue(
        issuesFor("dev", { domain: { prefix: "a".repeat(64), randomSuffix: false } }),
        "domain.prefix",
        "must be 1-63 characters",
      );
    });
    it("refuses an empty prefix", () => {
      assertIssue(issuesFor("dev", { domain: { prefix: "" } }), "domain.prefix", "must be 1-56 characters");
    });
  });

  describe("custom domain", () => {
    it("takes a prefix or a custom domain, not both", () => {
      assertIssue(
        issuesFor("dev", {
          domain: { prefix: "my-app", customDomain: { domainName: "auth.example.com", certificateArn: CERT } },
        }),
        "domain.prefix",
        "set domain.prefix or domain.customDomain, not both",
      );
    });
    it("needs a certificate or a zone to create one", () => {
      assertIssue(
        issuesFor("dev", { domain: { customDomain: { domainName: "auth.example.com" } } }),
        "domain.customDomain",
        "needs certificateArn (an ACM certificate in us-east-1) or hostedZoneId",
      );
      assert.ok(
        load("dev", {
          domain: { customDomain: { domainName: "auth.example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" } },
        }),
      );
    });
    it("requires the certificate in us-east-1", () => {
      assertIssue(
        issuesFor("dev", {
          domain: {
            customDomain: { domainName: "auth.example.com", certificateArn: CERT.replace("us-east-1", "eu-west-1") },
          },
        }),
        "domain.customDomain.certificateArn",
        "must be an ACM certificate ARN in us-east-1",
      );
    });
    it("requires a fully qualified lowercase domain name and a Route 53 zone id", () => {
      assertIssue(
        issuesFor("dev", { domain: { customDomain: { domainName: "Auth.Example.com", certificateArn: CERT } } }),
        "domain.customDomain.domainName",
        "fully qualified domain name",
      );
      assertIssue(
        issuesFor("dev", { domain: { customDomain: { domainName: "localhost", certificateArn: CERT } } }),
        "domain.customDomain.domainName",
        "fully qualified domain name",
      );
      assertIssue(
        issuesFor("dev", { domain: { customDomain: { domainName: "auth.example.com", hostedZoneId: "example.com" } } }),
        "domain.customDomain.hostedZoneId",
        "Route 53 hosted zone id",
      );
    });
  });

  describe("managed login branding", () => {
    it("needs the Essentials or Plus plan for managed login (version 2)", () => {
      assertIssue(
        issuesFor("dev", { pool: { userPoolTier: "LITE", passwordPolicy: { passwordHistorySize: 0 } } }),
        "domain.managedLoginVersion",
        "ESSENTIALS or PLUS",
      );
      assert.strictEqual(
        load("dev", {
          pool: { userPoolTier: "LITE", passwordPolicy: { passwordHistorySize: 0 } },
          domain: { managedLoginVersion: 1 },
        }).domain.managedLoginVersion,
        1,
      );
    });
    it("needs managed login version 2", () => {
      assertIssue(
        issuesFor("dev", { domain: { managedLoginVersion: 1, branding: { useCognitoProvidedValues: true } } }),
        "domain.branding",
        "needs managedLoginVersion 2",
      );
    });
    it("takes Cognito's values or settings, not both, and not neither", () => {
      assertIssue(
        issuesFor("dev", { domain: { branding: { useCognitoProvidedValues: true, settings: { a: 1 } } } }),
        "domain.branding.settings",
        "not both",
      );
      assertIssue(
        issuesFor("dev", { domain: { branding: { useCognitoProvidedValues: false } } }),
        "domain.branding.useCognitoProvidedValues",
        "needs settings",
      );
      assert.ok(load("dev", { domain: { branding: { settings: { components: {} } } } }));
    });
  });

  it("checks nothing when the stack has no domain", () => {
    const issues = issuesFor("dev", { domain: { enabled: false, prefix: "Bad_Prefix" } });
    assert.ok(!issues.some((i) => i.path.startsWith("domain.")), issues.map((i) => i.path).join(", "));
  });
});
