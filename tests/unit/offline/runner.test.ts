import * as assert from "node:assert";
import type { ResourceBackend } from "../../../offline/backend";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import { runProgram } from "../../../offline/runner";
import { runStack } from "../helpers";

describe("offline/runner", () => {
  it("records each resource with type, parent, inputs and options, and awaits the outputs", async () => {
    const run = await runStack("prod");
    const pool = run.resources.find((r) => r.type === RESOURCE_TYPES.userPool);
    assert.ok(pool);
    assert.strictEqual(pool.parent, "cognito-auth:index:CognitoUserPool::cognito-pool");
    assert.strictEqual(pool.protect, true);
    assert.strictEqual(
      pool.urn,
      "urn:pulumi:prod::cognito-auth::cognito-auth:index:CognitoAuth$cognito-auth:index:CognitoUserPool$aws:cognito/userPool:UserPool::cognito-pool-user-pool",
      "the type is qualified by the parent chain, as the engine does",
    );
    assert.strictEqual(run.outputs.userPoolId, pool.id);
  });

  it("records each resource's ignoreChanges paths", async () => {
    const run = await runStack("dev");
    const user = run.resources.find((r) => r.type === RESOURCE_TYPES.user);
    assert.ok(user?.ignoreChanges?.includes("attributes.last_login"), String(user?.ignoreChanges));
    const pool = run.resources.find((r) => r.type === RESOURCE_TYPES.userPool);
    assert.deepStrictEqual(pool?.ignoreChanges, []);
  });

  it("refuses a stack with no stack file", async () => {
    await assert.rejects(runProgram({ stack: "nope" }), /Pulumi\.nope\.yaml: no such stack file/);
  });

  it("fails the run when the backend fails, naming the resource", async () => {
    const failing: ResourceBackend = {
      async newResource(args) {
        if (args.type === RESOURCE_TYPES.role) throw new Error(`cannot create ${args.name}`);
        return { id: `${args.name}-id`, state: { ...args.inputs, arn: "arn:aws:x", result: "r", hex: "h" } };
      },
      async call() {
        return { accountId: "123456789012" };
      },
    };
    await assert.rejects(
      runProgram({ stack: "dev", backend: failing }),
      /cannot create cognito-trigger-functions-post-confirmation-role/,
    );
  });
});
