import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const customTier = {
  name: "customer_tier",
  attributeDataType: "String",
  mutable: true,
  required: false,
  developerOnlyAttribute: false,
  stringAttributeConstraints: { minLength: 1, maxLength: 32 },
};

describe("config/validation/pool", () => {
  describe("password policy", () => {
    for (const [len, ok] of [
      [5, false],
      [6, true],
      [99, true],
      [100, false],
    ] as const) {
      it(`minimumLength ${len} is ${ok ? "accepted" : "rejected"}`, () => {
        const values = { pool: { passwordPolicy: { minimumLength: len } } };
        if (ok) assert.strictEqual(load("dev", values).pool.passwordPolicy.minimumLength, len);
        else assertIssue(issuesFor("dev", values), "pool.passwordPolicy.minimumLength", "between 6 and 99");
      });
    }
    it("bounds the temporary password validity to 0-365 days", () => {
      assertIssue(
        issuesFor("dev", { pool: { passwordPolicy: { temporaryPasswordValidityDays: 366 } } }),
        "pool.passwordPolicy.temporaryPasswordValidityDays",
        "between 0 and 365",
      );
      assert.ok(load("dev", { pool: { passwordPolicy: { temporaryPasswordValidityDays: 365 } } }));
    });
    it("bounds password history to 0-24 and refuses it on LITE", () => {
      assertIssue(
        issuesFor("dev", { pool: { passwordPolicy: { passwordHistorySize: 25 } } }),
        "pool.passwordPolicy.passwordHistorySize",
        "between 0 and 24",
      );
      assertIssue(
        issuesFor("dev", { pool: { userPoolTier: "LITE" } }),
        "pool.passwordPolicy.passwordHistorySize",
        "ESSENTIALS or PLUS",
      );
    });
  });

  describe("message templates", () => {
    it("requires {####} in the MFA SMS and limits it to 140 characters", () => {
      assertIssue(
        issuesFor("dev", { pool: { smsAuthenticationMessage: "code" } }),
        "pool.smsAuthenticationMessage",
        "must contain {####}",
      );
      assertIssue(
        issuesFor("dev", { pool: { smsAuthenticationMessage: `{####}${"x".repeat(135)}` } }),
        "pool.smsAuthenticationMessage",
        "140 characters (has 141)",
      );
      assert.ok(load("dev", { pool: { smsAuthenticationMessage: `{####}${"x".repeat(134)}` } }));
    });
    it("requires {####} in code verification messages", () => {
      assertIssue(
        issuesFor("dev", { pool: { verificationMessageTemplate: { emailMessage: "Welcome aboard" } } }),
        "pool.verificationMessageTemplate.emailMessage",
        "{####}",
      );
      assertIssue(
        issuesFor("dev", { pool: { verificationMessageTemplate: { smsMessage: "hi" } } }),
        "pool.verificationMessageTemplate.smsMessage",
        "{####}",
      );
    });
    it("requires a {##link##} placeholder for link verification", () => {
      assertIssue(
        issuesFor("dev", {
          pool: {
            verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_LINK", emailMessageByLink: "click here" },
          },
        }),
        "pool.verificationMessageTemplate.emailMessageByLink",
        "{##link text##}",
      );
      assert.ok(
        load("dev", {
          pool: {
            verificationMessageTemplate: {
              defaultEmailOption: "CONFIRM_WITH_LINK",
              emailMessageByLink: "Please {##verify your email##}",
            },
          },
        }),
      );
    });
    it("requires {username} and {####} in invitations", () => {
      const issues = issuesFor("dev", {
        pool: {
          adminCreateUserConfig: {
            inviteMessageTemplate: { emailMessage: "Your password is {####}", smsMessage: "Hello {username}" },
          },
        },
      });
      assertIssue(issues, "pool.adminCreateUserConfig.inviteMessageTemplate.emailMessage", "must contain {username}");
      assertIssue(issues, "pool.adminCreateUserConfig.inviteMessageTemplate.smsMessage", "must contain {####}");
    });
    it("limits email subjects to 140 characters", () => {
      assertIssue(
        issuesFor("dev", { pool: { verificationMessageTemplate: { emailSubject: "s".repeat(141) } } }),
        "pool.verificationMessageTemplate.emailSubject",
        "1-140",
      );
    });
  });

  describe("custom attributes", () => {
    it("rejects duplicate names, required custom attributes and inverted constraints", () => {
      const issues = issuesFor("dev", {
        pool: {
          schemas: [
            customTier,
            { ...customTier, required: true, stringAttributeConstraints: { minLength: 10, maxLength: 2 } },
            { name: "score", attributeDataType: "Number", numberAttributeConstraints: { minValue: 5, maxValue: 1 } },
            { name: "flag", attributeDataType: "Boolean", stringAttributeConstraints: { minLength: 0, maxLength: 1 } },
          ],
        },
      });
      assertIssue(issues, "pool.schemas[1].name", "unique");
      assertIssue(issues, "pool.schemas[1].required", "required custom attributes");
      assertIssue(issues, "pool.schemas[1].stringAttributeConstraints", "minLength must not exceed maxLength");
      assertIssue(issues, "pool.schemas[2].numberAttributeConstraints", "minValue must not exceed maxValue");
      assertIssue(issues, "pool.schemas[3].stringAttributeConstraints", "only String attributes");
    });
    it("limits names to 20 characters and string lengths to 2048", () => {
      const issues = issuesFor("dev", {
        pool: {
          schemas: [
            {
              name: "a".repeat(21),
              attributeDataType: "String",
              stringAttributeConstraints: { minLength: 0, maxLength: 2049 },
            },
          ],
        },
      });
      assertIssue(issues, "pool.schemas[0].name", "<=20");
      assertIssue(issues, "pool.schemas[0].stringAttributeConstraints.maxLength", "<=2048");
    });
  });

  describe("MFA and tiers", () => {
    it("needs at least one factor when MFA is on", () => {
      const issues = issuesFor("dev", {
        pool: { mfaConfiguration: "ON", softwareTokenMfaConfiguration: { enabled: false } },
        messaging: { sms: { enabled: false } },
      });
      assertIssue(issues, "pool.mfaConfiguration", "at least one factor");
    });
    it("accepts MFA off with no factor", () => {
      assert.ok(
        load("dev", {
          pool: { mfaConfiguration: "OFF", softwareTokenMfaConfiguration: { enabled: false } },
          messaging: { sms: { enabled: false } },
        }),
      );
    });
    it("needs SES and a non-LITE tier for email MFA", () => {
      const issues = issuesFor("dev", {
        pool: {
          userPoolTier: "LITE",
          passwordPolicy: { passwordHistorySize: 0 },
          emailMfaConfiguration: { subject: "Code" },
        },
      });
      assertIssue(issues, "pool.emailMfaConfiguration", "DEVELOPER (SES)");
      assertIssue(issues, "pool.emailMfaConfiguration", "ESSENTIALS or PLUS");
    });
    it("needs the PLUS tier for threat protection", () => {
      assertIssue(
        issuesFor("dev", { pool: { userPoolAddOns: { advancedSecurityMode: "ENFORCED" } } }),
        "pool.userPoolAddOns.advancedSecurityMode",
        "PLUS",
      );
    });
    it("needs threat protection on for a risk configuration", () => {
      const issues = issuesFor("prod", { pool: { userPoolAddOns: { advancedSecurityMode: "OFF" } } });
      // Named where the user changed something, with both ways out.
      const issue = assertIssue(issues, "pool.userPoolAddOns.advancedSecurityMode", "pool.riskConfiguration is set");
      assert.match(issue.rule, /keep threat protection on, or set pool\.riskConfiguration: null/);
    });
  });

  describe("passwordless sign-in", () => {
    it("refuses passwordless first factors with MFA ON", () => {
      assertIssue(
        issuesFor("dev", {
          pool: { mfaConfiguration: "ON", signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
        }),
        "pool.signInPolicy.allowedFirstAuthFactors",
        "cannot be combined with mfaConfiguration ON",
      );
    });
    it("keeps PASSWORD among the first factors", () => {
      assertIssue(
        issuesFor("dev", { pool: { signInPolicy: { allowedFirstAuthFactors: ["WEB_AUTHN"] } } }),
        "pool.signInPolicy.allowedFirstAuthFactors",
        "PASSWORD cannot be removed",
      );
    });
    it("needs SES for email OTP and rejects a URL as relying party", () => {
      const issues = issuesFor("dev", {
        pool: {
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] },
          webAuthnConfiguration: { relyingPartyId: "https://auth.example.com" },
        },
      });
      assertIssue(issues, "pool.signInPolicy.allowedFirstAuthFactors", "EMAIL_OTP needs");
      assertIssue(issues, "pool.webAuthnConfiguration.relyingPartyId", "not a URL");
    });
    it("accepts passkeys with MFA optional and a managed-login v2 domain", () => {
      const c = load("dev", {
        pool: {
          signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] },
          webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "required" },
        },
        clients: { web: { kind: "web", explicitAuthFlows: ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] } },
      });
      assert.deepStrictEqual(c.pool.signInPolicy?.allowedFirstAuthFactors, ["PASSWORD", "WEB_AUTHN"]);
    });
    it("needs a client with choice-based sign-in (ALLOW_USER_AUTH) for passwordless factors", () => {
      assertIssue(
        issuesFor("dev", { pool: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } } }),
        "pool.signInPolicy.allowedFirstAuthFactors",
        "ALLOW_USER_AUTH",
      );
    });
    it("needs PLUS and threat protection for custom-auth threat protection", () => {
      const issues = issuesFor("dev", {
        pool: {
          userPoolAddOns: {
            advancedSecurityMode: "OFF",
            advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },
          },
        },
      });
      assertIssue(issues, "pool.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", "userPoolTier PLUS");
      assertIssue(issues, "pool.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", "AUDIT or ENFORCED");
    });
  });

  describe("sign-in identifiers and recovery", () => {
    it("refuses usernameAttributes together with aliasAttributes", () => {
      assertIssue(issuesFor("dev", { pool: { aliasAttributes: ["email"] } }), "pool.aliasAttributes", "not both");
    });
    it("refuses phone verification without SMS", () => {
      assertIssue(
        issuesFor("dev", {
          pool: { autoVerifiedAttributes: ["email", "phone_number"] },
          messaging: { sms: { enabled: false } },
        }),
        "pool.autoVerifiedAttributes",
        "messaging.sms.enabled",
      );
    });
    it("needs unique recovery priorities and admin_only alone", () => {
      const issues = issuesFor("dev", {
        pool: {
          accountRecoverySetting: {
            recoveryMechanisms: [
              { name: "verified_email", priority: 1 },
              { name: "admin_only", priority: 1 },
            ],
          },
        },
      });
      assertIssue(issues, "pool.accountRecoverySetting.recoveryMechanisms", "unique");
      assertIssue(issues, "pool.accountRecoverySetting.recoveryMechanisms", "admin_only cannot be combined");
    });
  });

  describe("production safeguards", () => {
    it("refuses a prod pool without deletion protection or Pulumi protect", () => {
      const issues = issuesFor("prod", { pool: { deletionProtection: "INACTIVE", protect: false } });
      assertIssue(issues, "pool.deletionProtection", "ACTIVE");
      assertIssue(issues, "pool.protect", "protect");
    });
    it("lets dev run without them", () => {
      const c = load("dev", {}).pool;
      assert.strictEqual(c.deletionProtection, "INACTIVE");
      assert.strictEqual(c.protect, false);
    });
  });
});

describe("config/validation/pool: settings Cognito checks at creation", () => {
  it("needs attributes that must be verified before an update to be auto-verified", () => {
    assertIssue(
      issuesFor("dev", { pool: { autoVerifiedAttributes: [] } }),
      "pool.userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates",
      "email must also be in pool.autoVerifiedAttributes",
    );
  });
  it("needs a domain for link verification", () => {
    assertIssue(
      issuesFor("dev", {
        domain: { enabled: false },
        clients: { web: { allowedOauthFlows: [] }, backend: { allowedOauthFlows: [] }, service: null },
        pool: {
          verificationMessageTemplate: { defaultEmailOption: "CONFIRM_WITH_LINK", emailMessageByLink: "{##Verify##}" },
        },
      }),
      "pool.verificationMessageTemplate.defaultEmailOption",
      "needs a domain",
    );
  });
});
