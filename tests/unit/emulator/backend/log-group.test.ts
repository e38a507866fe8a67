import * as assert from "node:assert";
import {
  logGroupArn,
  logGroupCommands,
  logGroupName,
  logResourcePolicyCommand,
} from "../../../../emulator/backend/log-group";

describe("emulator/backend/log-group", () => {
  it("creates the group and sets its retention in a second call, as the provider does", () => {
    assert.deepStrictEqual(logGroupCommands({ retentionInDays: 90, tags: { team: "auth" } }, "/aws/cognito/x"), {
      create: { logGroupName: "/aws/cognito/x", tags: { team: "auth" } },
      retention: { logGroupName: "/aws/cognito/x", retentionInDays: 90 },
    });
    assert.deepStrictEqual(logGroupCommands({}, "g"), { create: { logGroupName: "g" } });
  });

  it("names the group like the provider and reports its ARN without the ':*'", () => {
    assert.strictEqual(logGroupName({ name: "given" }, "logical", "abc"), "given");
    assert.strictEqual(logGroupName({ namePrefix: "p-" }, "logical", "abc"), "p-abc");
    assert.strictEqual(logGroupName({}, "logical", "abc"), "logical-abc");
    assert.strictEqual(
      logGroupArn("us-east-1", "123456789012", "g"),
      "arn:aws:logs:us-east-1:123456789012:log-group:g",
    );
  });

  it("maps the resource policy, as a JSON string", () => {
    const doc = { Version: "2012-10-17", Statement: [] };
    assert.deepStrictEqual(logResourcePolicyCommand({ policyName: "p", policyDocument: JSON.stringify(doc) }), {
      policyName: "p",
      policyDocument: JSON.stringify(doc),
    });
    assert.throws(() => logResourcePolicyCommand({ policyName: "", policyDocument: "{}" }), /policyName/);
  });
});
