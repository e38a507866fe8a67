import * as assert from "assert";
import { RunResult } from "../../../lib/offline-runner";
import { one, ofType, runStack } from "../helpers";

interface Statement { Effect: string; Principal?: Record<string, string>; Action: string; Resource?: string; Condition?: Record<string, Record<string, string>> }
const statements = (json: unknown): Statement[] => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;

describe("components/messaging", () => {
  let dev: RunResult;
  let prod: RunResult;
  let triggers: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    triggers = await runStack("triggers", `${__dirname}/../../fixtures/triggers`);
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
    assert.strictEqual(trust.Condition?.ArnLike["aws:SourceArn"], "arn:aws:cognito-idp:us-east-1:123456789012:userpool/*");
  });

  it("the pool uses that role with the same external ID", () => {
    const sms = one(prod, "aws:cognito/userPool:UserPool").inputs.smsConfiguration as Record<string, string>;
    assert.strictEqual(sms.snsCallerArn, one(prod, "aws:iam/role:Role", "-sms-role").state.arn);
    assert.strictEqual(sms.externalId, one(prod, "random:index/randomUuid:RandomUuid", "-sms-external-id").state.result);
    assert.strictEqual(sms.snsRegion, "us-east-1");
  });

  it("allows only sns:Publish, never to topics, and attaches no managed policy", () => {
    const policy = one(prod, "aws:iam/rolePolicy:RolePolicy", "-sms-publish");
    assert.strictEqual(policy.inputs.role, one(prod, "aws:iam/role:Role", "-sms-role").id);
    const s = statements(policy.inputs.policy);
    assert.deepStrictEqual(s.map((x) => [x.Effect, x.Action, x.Resource]), [["Allow", "sns:Publish", "*"], ["Deny", "sns:Publish", "arn:aws:sns:*:*:*"]]);
    assert.strictEqual(ofType(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((a) => a.name.includes("sms")).length, 0);
    assert.strictEqual(one(prod, "aws:iam/role:Role", "-sms-role").inputs.managedPolicyArns, undefined);
  });

  it("prod sends email through SES (DEVELOPER) from an identity the stack creates", () => {
    const identity = one(prod, "aws:sesv2/emailIdentity:EmailIdentity");
    assert.strictEqual(identity.inputs.emailIdentity, "auth.example.com");
    assert.deepStrictEqual(one(prod, "aws:cognito/userPool:UserPool").inputs.emailConfiguration, {
      emailSendingAccount: "DEVELOPER",
      fromEmailAddress: "Example Auth <no-reply@auth.example.com>",
      replyToEmailAddress: "support@example.com",
      sourceArn: identity.state.arn,
    });
  });

  it("dev uses Cognito's default sender and creates no SES identity", () => {
    assert.deepStrictEqual(one(dev, "aws:cognito/userPool:UserPool").inputs.emailConfiguration, { emailSendingAccount: "COGNITO_DEFAULT" });
    assert.strictEqual(ofType(dev, "aws:sesv2/emailIdentity:EmailIdentity").length, 0);
  });

  it("uses an existing SES identity by ARN without creating one", () => {
    const email = one(triggers, "aws:cognito/userPool:UserPool").inputs.emailConfiguration as Record<string, string>;
    assert.strictEqual(email.sourceArn, "arn:aws:ses:us-east-1:123456789012:identity/example.com");
    assert.strictEqual(ofType(triggers, "aws:sesv2/emailIdentity:EmailIdentity").length, 0);
  });

  it("creates no SMS role when SMS is off", () => {
    assert.strictEqual(ofType(triggers, "aws:iam/role:Role").filter((r) => r.name.includes("sms")).length, 0);
    assert.strictEqual(ofType(triggers, "random:index/randomUuid:RandomUuid").length, 0);
  });
});
