import * as assert from "node:assert";
import {
  policyDocument,
  roleCommands,
  roleName,
  rolePolicyAttachmentCommand,
  rolePolicyCommand,
} from "../../../../emulator/backend/iam";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "cognito-idp.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("emulator/backend/iam", () => {
  it("maps a role with trust policy, tags, inline policies and managed policies", () => {
    const c = roleCommands(
      {
        assumeRolePolicy: TRUST,
        description: "SMS",
        tags: { project: "cognito-auth" },
        inlinePolicies: [{ name: "publish", policy: '{"Version":"2012-10-17","Statement":[]}' }],
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      },
      "sms-role-abc1234",
    );
    assert.deepStrictEqual(c.create, {
      RoleName: "sms-role-abc1234",
      AssumeRolePolicyDocument: TRUST,
      Description: "SMS",
      Tags: [{ Key: "project", Value: "cognito-auth" }],
    });
    assert.deepStrictEqual(c.inlinePolicies, [
      {
        RoleName: "sms-role-abc1234",
        PolicyName: "publish",
        PolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
      },
    ]);
    assert.deepStrictEqual(c.attachments, [
      { RoleName: "sms-role-abc1234", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" },
    ]);
  });

  it("auto-names like Pulumi: given name, else prefix or logical name plus a suffix, within 64 characters", () => {
    assert.strictEqual(roleName({ assumeRolePolicy: TRUST, name: "fixed" }, "logical", "1234567"), "fixed");
    assert.strictEqual(roleName({ assumeRolePolicy: TRUST, namePrefix: "pre-" }, "logical", "1234567"), "pre-1234567");
    assert.strictEqual(
      roleName({ assumeRolePolicy: TRUST }, "cognito-messaging-sms-role", "1234567"),
      "cognito-messaging-sms-role-1234567",
    );
    const long = roleName({ assumeRolePolicy: TRUST }, "x".repeat(80), "1234567");
    assert.strictEqual(long.length, 64);
    assert.ok(long.endsWith("1234567"));
  });

  it("serializes an object policy and refuses a missing one", () => {
    assert.strictEqual(policyDocument({ Version: "2012-10-17" }, "policy"), '{"Version":"2012-10-17"}');
    assert.throws(() => policyDocument(undefined, "assumeRolePolicy"), /assumeRolePolicy is required/);
  });

  it("maps role policies and attachments", () => {
    assert.deepStrictEqual(rolePolicyCommand({ role: "sms-role-abc", policy: "{}" }, "sms-publish-1"), {
      RoleName: "sms-role-abc",
      PolicyName: "sms-publish-1",
      PolicyDocument: "{}",
    });
    assert.deepStrictEqual(rolePolicyAttachmentCommand({ role: "r", policyArn: "arn:aws:iam::aws:policy/P" }), {
      RoleName: "r",
      PolicyArn: "arn:aws:iam::aws:policy/P",
    });
  });
});
