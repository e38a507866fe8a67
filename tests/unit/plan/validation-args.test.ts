import * as assert from "node:assert";
import * as aws from "@pulumi/aws";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
  createResourceValidationArgs,
  createStackValidationArgs,
  NotApplicable,
  runResourcePolicy,
  runStackPolicy,
} from "../../../plan/validation-args";
import { T, UNKNOWN, urn } from "../../policy/harness";

describe("plan/validation-args", () => {
  it("builds resource args with a default URN, full options, tags, type checks and config", () => {
    const args = createResourceValidationArgs(
      { type: T.userPool, name: "pool", props: { name: "p" }, opts: { protect: true } },
      { config: { a: 1 }, stackTags: { environment: "prod" } },
    );
    assert.strictEqual(args.urn, `urn:pulumi:test::test::${T.userPool}::pool`);
    assert.deepStrictEqual(args.opts, {
      protect: true,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    });
    assert.strictEqual(args.stackTags.get("environment"), "prod");
    assert.ok(args.isType(aws.cognito.UserPool) && !args.isType(aws.cognito.UserPoolClient));
    assert.strictEqual(args.asType(aws.cognito.UserPool)?.name, "p");
    assert.strictEqual(args.asType(aws.iam.Role), undefined);
    assert.deepStrictEqual(args.getConfig(), { a: 1 });
    assert.throws(
      () => args.notApplicable("why"),
      (e: unknown) => e instanceof NotApplicable && e.reason === "why",
    );
  });
  it("wraps props so that reading an unknown value throws, as the analyzer does", () => {
    const args = createResourceValidationArgs({
      type: T.userPool,
      name: "pool",
      props: { arn: UNKNOWN.string, name: "p" },
    });
    assert.strictEqual(args.props.name, "p");
    assert.throws(() => args.props.arn, /can't be known during preview/);
  });
  it("resolves parents and (property) dependencies to resource objects, dropping URNs not in the stack", () => {
    const a = urn(T.userPool, "a");
    const { resources } = createStackValidationArgs([
      { type: T.userPool, name: "a", urn: a, props: {} },
      {
        type: T.riskConfiguration,
        name: "b",
        props: {},
        parent: a,
        dependencies: [a, "urn:missing"],
        propertyDependencies: { userPoolId: [a] },
      },
    ]);
    assert.strictEqual(resources[1].parent, resources[0]);
    assert.strictEqual(resources[1].opts.parent, a);
    assert.deepStrictEqual(resources[1].dependencies, [resources[0]]);
    assert.deepStrictEqual(resources[1].propertyDependencies.userPoolId, [resources[0]]);
  });
  it("runs every validation of a resource rule and records not-applicable and unknown outcomes", async () => {
    const rule: ResourceValidationPolicy = {
      name: "r",
      description: "d",
      validateResource: [
        (args, report) => {
          report(`first ${String(args.props.name)}`);
        },
        (args) => {
          void args.props.arn;
        },
        (args) => args.notApplicable("third"),
      ],
    };
    const o = await runResourcePolicy(
      rule,
      createResourceValidationArgs({ type: T.role, name: "r", props: { name: "n", arn: UNKNOWN.string } }),
    );
    assert.deepStrictEqual(o.violations, [{ message: "first n", urn: `urn:pulumi:test::test::${T.role}::r` }]);
    assert.strictEqual(o.notApplicable, "third");
    assert.deepStrictEqual(o.unknown?.props, ["arn"]);
  });
  it("lets other errors from a rule escape, as the analyzer fails the run", async () => {
    const rule: StackValidationPolicy = {
      name: "s",
      description: "d",
      validateStack: () => {
        throw new TypeError("bug");
      },
    };
    await assert.rejects(runStackPolicy(rule, createStackValidationArgs([])), TypeError);
  });
  it("keeps a stack violation's URN only when the rule gives one", async () => {
    const rule: StackValidationPolicy = {
      name: "s",
      description: "d",
      validateStack: (_a, report) => {
        report("whole stack");
        report("one", "urn:x");
      },
    };
    const o = await runStackPolicy(rule, createStackValidationArgs([]));
    assert.deepStrictEqual(o.violations, [
      { message: "whole stack", urn: undefined },
      { message: "one", urn: "urn:x" },
    ]);
  });
});
