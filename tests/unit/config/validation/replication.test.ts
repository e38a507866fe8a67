import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

const MRK = "arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
const fn = (name: string, region: string) => `arn:aws:lambda:${region}:123456789012:function:${name}`;
const ses = (region: string) => `arn:aws:ses:${region}:123456789012:identity/auth.example.com`;
/** A prod config (DEVELOPER email) that needs only its replica's SES identity. */
const prodEmail = {
  email: {
    emailSendingAccount: "DEVELOPER",
    fromEmailAddress: "Auth <no-reply@auth.example.com>",
    sourceArn: ses("us-east-1"),
  },
};

describe("config/validation/replication", () => {
  it("accepts one replica region on an ESSENTIALS pool and resolves the defaults", () => {
    const m = load("dev", { replication: { regions: ["us-west-2"] } });
    assert.deepStrictEqual(m.replication?.kmsKey, { create: true });
    assert.strictEqual(m.replication?.issuer, "UPDATED");
    assert.deepStrictEqual(
      m.replication?.replicas.map((r) => [r.region, r.status, r.email.emailSendingAccount]),
      [["us-west-2", "ACTIVE", "COGNITO_DEFAULT"]],
    );
  });

  it("refuses a LITE pool, naming the tier", () => {
    const issue = assertIssue(
      issuesFor("dev", { pool: { userPoolTier: "LITE" }, replication: { regions: ["us-west-2"] } }),
      "replication",
      "ESSENTIALS or PLUS",
    );
    assert.match(issue.rule, /LITE/);
  });

  it("refuses the pool's own region, a duplicate, a bad name and more than one replica", () => {
    const issues = issuesFor("dev", { replication: { regions: ["us-east-1", "uswest2", "eu-west-1", "eu-west-1"] } });
    assertIssue(issues, "replication.regions[0]", "pool's own region (us-east-1)");
    assertIssue(issues, "replication.regions[1]", "AWS region name");
    assertIssue(issues, "replication.regions[3]", "listed twice");
    assertIssue(issues, "replication.regions", "one secondary replica");
  });

  it("accepts an existing multi-Region key in the pool's region", () => {
    const m = load("dev", { replication: { regions: ["us-west-2"], kmsKey: { arn: MRK } } });
    assert.deepStrictEqual(m.replication?.kmsKey, { arn: MRK });
  });

  it("refuses a single-Region key, a key in another region and something that is no key ARN", () => {
    const single = "arn:aws:kms:us-east-1:123456789012:key/0123abcd-0000-4000-8000-0123456789ab";
    assertIssue(
      issuesFor("dev", { replication: { regions: ["us-west-2"], kmsKey: { arn: single } } }),
      "replication.kmsKey.arn",
      "multi-Region key",
    );
    assertIssue(
      issuesFor("dev", {
        replication: { regions: ["us-west-2"], kmsKey: { arn: MRK.replace("us-east-1", "us-west-2") } },
      }),
      "replication.kmsKey.arn",
      "pool's region (us-east-1)",
    );
    assertIssue(
      issuesFor("dev", { replication: { regions: ["us-west-2"], kmsKey: { arn: "alias/cognito" } } }),
      "replication.kmsKey.arn",
      "KMS key ARN",
    );
  });

  it("needs an SES identity in the replica's region with DEVELOPER email", () => {
    assertIssue(
      issuesFor("dev", { messaging: prodEmail, replication: { regions: ["us-west-2"] } }),
      "replication.regional.us-west-2.emailSourceArn",
      "SES identity verified in us-west-2",
    );
    assertIssue(
      issuesFor("dev", {
        messaging: prodEmail,
        replication: { regions: ["us-west-2"], regional: { "us-west-2": { emailSourceArn: ses("us-east-1") } } },
      }),
      "replication.regional.us-west-2.emailSourceArn",
      "SES identity in us-west-2",
    );
    const m = load("dev", {
      messaging: prodEmail,
      replication: { regions: ["us-west-2"], regional: { "us-west-2": { emailSourceArn: ses("us-west-2") } } },
    });
    assert.deepStrictEqual(m.replication?.replicas[0].email, {
      emailSendingAccount: "DEVELOPER",
      sourceArn: ses("us-west-2"),
      from: "Auth <no-reply@auth.example.com>",
      replyToEmailAddress: undefined,
      configurationSet: undefined,
    });
  });

  it("refuses regional settings for a region that is not a replica, and a sender with Cognito's default email", () => {
    const issues = issuesFor("dev", {
      replication: {
        regions: ["us-west-2"],
        regional: { "eu-west-1": {}, "us-west-2": { emailSourceArn: ses("us-west-2") } },
      },
    });
    assertIssue(issues, "replication.regional.eu-west-1", "not one of replication.regions");
    assertIssue(issues, "replication.regional.us-west-2.emailSourceArn", "only used with");
  });

  it("needs each of the pool's triggers in the replica's region, and only functions there", () => {
    const issues = issuesFor("dev", {
      triggers: { preSignUp: fn("pre", "us-east-1"), postConfirmation: fn("post", "us-east-1") },
      replication: {
        regions: ["us-west-2"],
        regional: { "us-west-2": { triggers: { postConfirmation: fn("post", "us-east-1") } } },
      },
    });
    assertIssue(issues, "replication.regional.us-west-2.triggers.preSignUp", "skip it during failover");
    assertIssue(issues, "replication.regional.us-west-2.triggers.postConfirmation", "replica's region (us-west-2)");
  });

  it("needs a function by ARN in the replica's region for each built trigger function", () => {
    const issues = issuesFor("dev", {
      triggers: { functions: { preSignUp: { allowedDomains: ["example.com"] } } },
      replication: { regions: ["us-west-2"] },
    });
    assertIssue(issues, "replication.regional.us-west-2.triggers.preSignUp", "triggers.functions.preSignUp");
    const m = load("dev", {
      triggers: { preSignUp: fn("pre", "us-east-1") },
      replication: {
        regions: ["us-west-2"],
        regional: { "us-west-2": { triggers: { preSignUp: fn("pre", "us-west-2") } } },
      },
    });
    assert.deepStrictEqual(m.replication?.replicas[0].triggers, { preSignUp: fn("pre", "us-west-2") });
  });

  it("gives the replica SMS in its own region when the pool has SMS, and INACTIVE when not active", () => {
    const m = load("dev", {
      messaging: { sms: { enabled: true } },
      replication: { regions: ["us-west-2"], active: false },
    });
    assert.deepStrictEqual(m.replication?.replicas[0].sms, { snsRegion: "us-west-2" });
    assert.strictEqual(m.replication?.replicas[0].status, "INACTIVE");
    assert.strictEqual(
      load("dev", { replication: { regions: ["us-west-2"] } }).replication?.replicas[0].sms,
      undefined,
    );
  });

  it("leaves replication off when the key is absent", () => {
    assert.strictEqual(load("dev", {}).replication, undefined);
  });
});
