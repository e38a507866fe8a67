import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { OFFLINE_ACCOUNT } from "../../../offline/backend";
import type { RunResult } from "../../../offline/runner";
import { evaluatePolicies } from "../../../plan/evaluate-policies";
import { PROJECT_ROOT } from "../../../util/project-root";
import { ofType, one, runStack } from "../helpers";

interface Statement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string>>;
}
const statements = (json: unknown): Statement[] => (JSON.parse(String(json)) as { Statement: Statement[] }).Statement;
const DIR = "tests/fixtures/trigger-functions";
const STACK = "trigger-functions";
const POOL_ARN = /^arn:aws:cognito-idp:us-east-1:\d{12}:userpool\/us-east-1_\w+$/;

/** Every statement of every role policy the built functions have, by the policy's resource name. */
function policies(run: RunResult): Record<string, Statement[]> {
  return Object.fromEntries(
    ofType(run, "aws:iam/rolePolicy:RolePolicy")
      .filter((p) => p.name.includes("trigger") || p.name.includes("-api-"))
      .map((p) => [p.name, statements(p.inputs.policy)]),
  );
}

describe("components/trigger-functions", () => {
  let run: RunResult;
  before(async () => {
    run = await runStack(STACK, DIR);
  });

  it("builds each function the config asks for on Node.js 22 with its own role and log group", () => {
    const fns = ofType(run, "aws:lambda/function:Function")
      .map((f) => f.inputs.name)
      .sort();
    assert.deepStrictEqual(fns, [
      "cognito-auth-fn-create-auth-challenge",
      "cognito-auth-fn-define-auth-challenge",
      "cognito-auth-fn-identity-api",
      "cognito-auth-fn-post-confirmation",
      "cognito-auth-fn-pre-sign-up",
      "cognito-auth-fn-pre-token-generation",
      "cognito-auth-fn-verify-auth-challenge-response",
    ]);
    for (const f of ofType(run, "aws:lambda/function:Function")) {
      assert.strictEqual(f.inputs.runtime, "nodejs22.x");
      assert.deepStrictEqual(f.inputs.loggingConfig, { logFormat: "JSON", logGroup: `/aws/lambda/${f.inputs.name}` });
    }
    const roles = ofType(run, "aws:iam/role:Role").filter((r) => String(r.inputs.description).startsWith("Runs the"));
    assert.strictEqual(roles.length, 7);
    for (const r of roles) {
      const [trust] = JSON.parse(String(r.inputs.assumeRolePolicy)).Statement;
      assert.deepStrictEqual(trust.Principal, { Service: "lambda.amazonaws.com" });
      assert.match(trust.Condition.StringEquals["aws:SourceAccount"], /^\d{12}$/);
    }
    const functionLogs = ofType(run, "aws:cloudwatch/logGroup:LogGroup").filter((g) =>
      String(g.inputs.name).startsWith("/aws/lambda/"),
    );
    assert.strictEqual(functionLogs.length, 7);
    for (const g of functionLogs) assert.strictEqual(g.inputs.retentionInDays, 30);
  });

  it("every role policy names its actions and resources: no wildcard action, no * resource", () => {
    const all = policies(run);
    assert.ok(Object.keys(all).length >= 8, Object.keys(all).join(", "));
    for (const [name, st] of Object.entries(all))
      for (const s of st) {
        assert.strictEqual(s.Effect, "Allow", name);
        for (const a of s.Action) assert.doesNotMatch(a, /\*/, `${name}: ${a}`);
        for (const r of s.Resource) assert.notStrictEqual(r, "*", `${name}: ${s.Sid}`);
      }
  });

  it("grants exactly: own logs for all; SendEmail on the stack's identity from its address; AdminAddUserToGroup on the pool", () => {
    const all = policies(run);
    const actionsOf = (suffix: string) =>
      Object.entries(all)
        .filter(([n]) => n.endsWith(suffix))
        .flatMap(([, st]) => st.map((s) => [s.Sid, s.Action.join(","), s.Resource.join(",")]));
    for (const [, st] of Object.entries(all).filter(([n]) => n.endsWith("-policy"))) {
      const logs = st.find((s) => s.Sid === "WriteOwnLogs");
      assert.deepStrictEqual(logs?.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
      assert.match(
        logs?.Resource[0] ?? "",
        /^arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/(lambda|apigateway)\/cognito-auth-fn-[\w-]+:\*$/,
      );
    }
    for (const fn of ["post-confirmation-policy", "create-auth-challenge-policy"]) {
      const send = all[`cognito-trigger-functions-${fn}`].find((s) => s.Sid === "SendAsStackIdentity");
      assert.deepStrictEqual(send?.Action, ["ses:SendEmail"], fn);
      assert.deepStrictEqual(send?.Resource, [`arn:aws:ses:us-east-1:${OFFLINE_ACCOUNT}:identity/auth.example.com`]);
      assert.deepStrictEqual(send?.Condition, { StringEquals: { "ses:FromAddress": "no-reply@auth.example.com" } });
    }
    for (const fn of ["pre-sign-up", "pre-token-generation", "define-auth-challenge", "verify-auth-challenge-response"])
      assert.deepStrictEqual(
        actionsOf(`${fn}-policy`).map(([sid]) => sid),
        ["WriteOwnLogs"],
        fn,
      );
    const group = all["cognito-trigger-access-add-to-group"];
    assert.deepStrictEqual(
      group.map((s) => s.Action),
      [["cognito-idp:AdminAddUserToGroup"]],
    );
    assert.match(group[0].Resource[0], POOL_ARN);
  });

  it("the pool runs the built functions (pre token generation as V2) and lets only itself invoke them", () => {
    const pool = one(run, "aws:cognito/userPool:UserPool");
    const lc = pool.inputs.lambdaConfig as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(lc).sort(), [
      "createAuthChallenge",
      "defineAuthChallenge",
      "postConfirmation",
      "preSignUp",
      "preTokenGenerationConfig",
      "verifyAuthChallengeResponse",
    ]);
    assert.strictEqual((lc.preTokenGenerationConfig as { lambdaVersion: string }).lambdaVersion, "V2_0");
    assert.deepStrictEqual(pool.inputs.userPoolAddOns, {
      advancedSecurityMode: "ENFORCED",
      advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" },
    });
    const perms = ofType(run, "aws:lambda/permission:Permission").filter(
      (p) => p.inputs.principal === "cognito-idp.amazonaws.com",
    );
    assert.strictEqual(perms.length, 6);
    for (const p of perms) assert.match(String(p.inputs.sourceArn), POOL_ARN);
    const clients = ofType(run, "aws:cognito/userPoolClient:UserPoolClient");
    // The challenge's client has no other way in (no SRP or password flow, no hosted UI); the web client none of it.
    const app = clients.find((c) => c.inputs.name === "app");
    assert.deepStrictEqual(app?.inputs.explicitAuthFlows, ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    assert.deepStrictEqual(app?.inputs.allowedOauthFlows ?? [], []);
    const web = clients.find((c) => c.inputs.name === "web");
    assert.ok(!((web?.inputs.explicitAuthFlows ?? []) as string[]).includes("ALLOW_CUSTOM_AUTH"));
  });

  it("the policy pack finds no mandatory violation", async () => {
    const prodConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "policy/config/prod.json"), "utf8"));
    const verdicts = await evaluatePolicies(run, prodConfig);
    assert.deepStrictEqual(
      verdicts.filter((v) => v.level === "mandatory"),
      [],
    );
  });
});
