import * as assert from "node:assert";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

describe("components/trigger-function-pool-access", () => {
  let dev: RunResult;
  before(async () => {
    dev = await runStack("dev");
  });

  it("one invoke permission per built trigger, for this pool and its account only", () => {
    const pool = one(dev, "aws:cognito/userPool:UserPool");
    const perms = ofType(dev, "aws:lambda/permission:Permission").filter(
      (p) => p.inputs.principal === "cognito-idp.amazonaws.com",
    );
    assert.deepStrictEqual(perms.map((p) => p.inputs.function).sort(), [
      "cognito-auth-dev-post-confirmation",
      "cognito-auth-dev-pre-token-generation",
    ]);
    for (const p of perms) {
      assert.ok(String(p.inputs.sourceArn).endsWith(`/${pool.id}`), "this pool");
      assert.match(String(p.inputs.sourceArn), /^arn:aws:cognito-idp:us-east-1:\d{12}:userpool\//);
      assert.strictEqual(p.inputs.sourceAccount, String(p.inputs.sourceArn).split(":")[4]);
    }
  });

  it("AdminAddUserToGroup on this pool's ARN, on the post-confirmation role only", () => {
    const policy = one(dev, "aws:iam/rolePolicy:RolePolicy", "-add-to-group");
    const post = ofType(dev, "aws:iam/role:Role").find((r) => r.name.endsWith("post-confirmation-role"));
    assert.strictEqual(policy.inputs.role, post?.id);
    const [st, ...rest] = JSON.parse(String(policy.inputs.policy)).Statement;
    assert.deepStrictEqual(rest, []);
    assert.deepStrictEqual(st.Action, ["cognito-idp:AdminAddUserToGroup"]);
    assert.match(st.Resource[0], /^arn:aws:cognito-idp:us-east-1:\d{12}:userpool\/us-east-1_\w+$/);
  });
});
