import * as assert from "node:assert";
import { offlineBackend, type ResourceBackend } from "../../../offline/backend";
import { type RecordedResource, resourceKey } from "../../../offline/recorded-resource";
import { type RunResult, runProgram } from "../../../offline/runner";
import { ofType, one, runStack, withSms } from "../helpers";

interface Statement {
  Effect: string;
  Principal?: Record<string, string>;
  Action: string;
  Resource?: string;
  Condition?: Record<string, Record<string, string>>;
}
const statements = (json: unknown): Statement[] => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;

const VERIFICATION = "aws:ses/domainIdentityVerification:DomainIdentityVerification";
const MESSAGING = "cognito-auth:index:Messaging";
/** Dev with SES from a domain the stack verifies: the same children as prod, but an unprotected pool. */
const DEV_SES = {
  "cognito-auth:messaging": JSON.stringify({
    email: {
      emailSendingAccount: "DEVELOPER",
      fromEmailAddress: "Dev <no-reply@dev.example.com>",
      identity: "dev.example.com",
      hostedZoneId: "Z0DEV",
      configurationSet: "auth-events",
    },
  }),
};
const messagingChildren = (run: RunResult): RecordedResource[] =>
  run.resources.filter((r) => r.custom && r.parent?.startsWith(`${MESSAGING}::`));

describe("components/messaging", () => {
  let dev: RunResult;
  let devSes: RunResult;
  let prod: RunResult;
  let triggers: RunResult;
  let gov: RunResult;
  let prodDefault: RunResult;
  let kept: RunResult;
  before(async () => {
    dev = await runStack("dev", undefined, withSms("dev"));
    devSes = await runStack("dev", undefined, {
      "cognito-auth:messaging": JSON.stringify({
        ...JSON.parse(DEV_SES["cognito-auth:messaging"]),
        sms: { enabled: true },
      }),
    });
    prod = await runStack("prod", undefined, withSms("prod"));
    prodDefault = await runStack("prod");
    kept = await runStack("dev", undefined, withSms("dev", { enabled: false, keepRole: true }));
    triggers = await runStack("triggers", `${__dirname}/../../fixtures/triggers`);
    // Every queued run has finished, so a direct run (with its own backend) cannot overlap one.
    const offline = offlineBackend("us-gov-west-1");
    const govBackend: ResourceBackend = {
      newResource: (a) => offline.newResource(a),
      call: async (a) =>
        a.token === "aws:index/getPartition:getPartition"
          ? { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", id: "aws-us-gov" }
          : offline.call(a),
    };
    gov = await runProgram({
      stack: "dev",
      backend: govBackend,
      configOverrides: { "aws:region": "us-gov-west-1", ...withSms("dev") },
    });
  });

  it("the SMS role trusts only Cognito, only with this stack's external ID, only from this account's pools", () => {
    const role = one(prod, "aws:iam/role:Role", "-sms-role");
    const [trust, ...others] = statements(role.inputs.assumeRolePolicy);
    assert.strictEqual(others.length, 0);
    assert.deepStrictEqual(trust.Principal, { Service: "cognito-idp.amazonaws.com" });
    assert.strictEqual(trust.Action, "sts:AssumeRole");
    const externalId = one(prod, "random:index/randomUuid:RandomUuid", "-sms-external-id").state.result;
    assert.strictEqual(trust.Condition?.StringEquals["sts:ExternalId"], externalId);
    assert.strictEqual(trust.Condition?.StringEquals["aws:SourceAccount"], "123456789012");
    assert.strictEqual(
      trust.Condition?.ArnLike["aws:SourceArn"],
      "arn:aws:cognito-idp:us-east-1:123456789012:userpool/*",
    );
  });

  it("takes the partition of the role's ARN conditions from the provider, not a literal arn:aws", () => {
    const [trust] = statements(one(gov, "aws:iam/role:Role", "-sms-role").inputs.assumeRolePolicy);
    assert.strictEqual(
      trust.Condition?.ArnLike["aws:SourceArn"],
      "arn:aws-us-gov:cognito-idp:us-gov-west-1:123456789012:userpool/*",
    );
    const deny = statements(one(gov, "aws:iam/rolePolicy:RolePolicy", "-sms-publish").inputs.policy).find(
      (s) => s.Effect === "Deny",
    );
    assert.strictEqual(deny?.Resource, "arn:aws-us-gov:sns:*:*:*");
  });

  it("the pool uses that role with the same external ID", () => {
    const sms = one(prod, "aws:cognito/userPool:UserPool").inputs.smsConfiguration as Record<string, string>;
    assert.strictEqual(sms.snsCallerArn, one(prod, "aws:iam/role:Role", "-sms-role").state.arn);
    assert.strictEqual(
      sms.externalId,
      one(prod, "random:index/randomUuid:RandomUuid", "-sms-external-id").state.result,
    );
    assert.strictEqual(sms.snsRegion, "us-east-1");
  });

  it("creates the pool only after the SMS role's policy exists (Cognito checks sns:Publish at CreateUserPool)", () => {
    for (const run of [dev, prod]) {
      const policy = one(run, "aws:iam/rolePolicy:RolePolicy", "-sms-publish");
      assert.ok(one(run, "aws:cognito/userPool:UserPool").dependsOn.includes(resourceKey(policy)), run.stack);
    }
  });

  it("allows only sns:Publish, never to topics, and attaches no managed policy", () => {
    const policy = one(prod, "aws:iam/rolePolicy:RolePolicy", "-sms-publish");
    assert.strictEqual(policy.inputs.role, one(prod, "aws:iam/role:Role", "-sms-role").id);
    const s = statements(policy.inputs.policy);
    assert.deepStrictEqual(
      s.map((x) => [x.Effect, x.Action, x.Resource]),
      [
        ["Allow", "sns:Publish", "*"],
        ["Deny", "sns:Publish", "arn:aws:sns:*:*:*"],
      ],
    );
    assert.strictEqual(
      ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.name.includes("sms")).length,
      0,
    );
    assert.strictEqual(one(prod, "aws:iam/role:Role", "-sms-role").inputs.managedPolicyArns, undefined);
  });

  it("prod sends email through SES (DEVELOPER) from the domain identity once it is verified", () => {
    const verification = one(prod, VERIFICATION);
    assert.strictEqual(verification.inputs.domain, "auth.example.com");
    const pool = one(prod, "aws:cognito/userPool:UserPool");
    assert.deepStrictEqual(pool.inputs.emailConfiguration, {
      emailSendingAccount: "DEVELOPER",
      fromEmailAddress: "Example Auth <no-reply@auth.example.com>",
      replyToEmailAddress: "support@example.com",
      sourceArn: verification.state.arn,
    });
    assert.ok(pool.dependsOn.includes(resourceKey(verification)), "the pool waits for the verification");
  });

  it("passes the configuration set to the pool", () => {
    const email = one(devSes, "aws:cognito/userPool:UserPool").inputs.emailConfiguration as Record<string, string>;
    assert.strictEqual(email.configurationSet, "auth-events");
    assert.strictEqual(email.sourceArn, one(devSes, VERIFICATION).state.arn);
  });

  it("protects and retains everything a protected pool relies on", () => {
    assert.ok(one(prod, "aws:cognito/userPool:UserPool").retainOnDelete);
    const kept = messagingChildren(prod);
    assert.deepStrictEqual(kept.map((r) => r.type).sort(), [
      "aws:iam/role:Role",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:route53/record:Record",
      "aws:route53/record:Record",
      "aws:route53/record:Record",
      "aws:route53/record:Record",
      "aws:ses/domainDkim:DomainDkim",
      "aws:ses/domainIdentity:DomainIdentity",
      VERIFICATION,
      "random:index/randomUuid:RandomUuid",
    ]);
    const loose = kept.filter((r) => !r.protect || !r.retainOnDelete).map((r) => r.name);
    assert.deepStrictEqual(loose, []);
  });

  it("leaves them unprotected when the pool is not protected", () => {
    assert.strictEqual(one(devSes, "aws:cognito/userPool:UserPool").protect, false);
    const children = messagingChildren(devSes);
    assert.strictEqual(children.length, 10);
    assert.deepStrictEqual(
      children.filter((r) => r.protect || r.retainOnDelete).map((r) => r.name),
      [],
    );
  });

  it("dev uses Cognito's default sender and creates no SES identity", () => {
    assert.deepStrictEqual(one(dev, "aws:cognito/userPool:UserPool").inputs.emailConfiguration, {
      emailSendingAccount: "COGNITO_DEFAULT",
    });
    assert.strictEqual(dev.resources.filter((r) => r.type.startsWith("aws:ses")).length, 0);
  });

  it("uses an existing SES identity by ARN without creating one", () => {
    const email = one(triggers, "aws:cognito/userPool:UserPool").inputs.emailConfiguration as Record<string, string>;
    assert.strictEqual(email.sourceArn, "arn:aws:ses:us-east-1:123456789012:identity/example.com");
    assert.strictEqual(
      triggers.resources.filter((r) => r.type.startsWith("aws:ses") || r.type.startsWith("aws:route53")).length,
      0,
    );
  });

  it("creates no SMS role when SMS is off", () => {
    assert.strictEqual(ofType(triggers, "aws:iam/role:Role").filter((r) => r.name.includes("sms")).length, 0);
    assert.strictEqual(ofType(triggers, "random:index/randomUuid:RandomUuid").length, 0);
    assert.deepStrictEqual(
      one(triggers, "aws:cognito/userPool:UserPool").dependsOn.filter(
        (d) => d.startsWith("aws:iam/") || d.startsWith("aws:ses/"),
      ),
      [],
    );
  });

  it("creates no SMS role in the default presets: SMS is opt-in, TOTP is the MFA factor", () => {
    assert.strictEqual(ofType(prodDefault, "aws:iam/role:Role").filter((r) => r.name.includes("sms")).length, 0);
    const pool = one(prodDefault, "aws:cognito/userPool:UserPool");
    assert.strictEqual(pool.inputs.smsConfiguration, undefined);
    assert.deepStrictEqual(pool.inputs.softwareTokenMfaConfiguration, { enabled: true });
  });

  it("keeps the SMS role (but sends the pool no smsConfiguration) when SMS is turned off with keepRole", () => {
    assert.strictEqual(one(kept, "aws:iam/role:Role", "-sms-role").name, "cognito-messaging-sms-role");
    assert.ok(one(kept, "aws:iam/rolePolicy:RolePolicy", "-sms-publish"));
    assert.strictEqual(one(kept, "aws:cognito/userPool:UserPool").inputs.smsConfiguration, undefined);
  });
});
