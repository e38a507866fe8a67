/**
 * The pack over the first `pulumi preview` of prod and dev: the real program through the offline
 * runner, then everything the engine cannot know before the resources exist replaced by the
 * unknown sentinel (tests/policy/preview.ts), as a new stack's preview sends it to the analyzer.
 * Nothing may block, rules that can decide must decide as after deployment, and "can't run" is
 * allowed only where a rule reads a value that preview lacks.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunResult } from "../../offline/runner";
import { evaluateAnalyzerInputs, evaluatePolicies, type Violation } from "../../plan/evaluate-policies";
import { one, runStack, withSms } from "../unit/helpers";
import { T } from "./harness";
import { alwaysPresentOutputs, PREVIEW_UNKNOWN, previewInputs } from "./preview";

const config = (name: string): object =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", "config", `${name}.json`), "utf8"));
const show = (vs: Violation[]) =>
  vs.map((v) => `[${v.level}] ${v.policy} ${v.resource ?? "(stack)"}: ${v.message}`).join("\n");
const CANT_RUN = /^can't run policy \S+ during preview: \S+ value at \.(\S+) can't be known during preview$/;

/** `policy resource-name: unknown path` for each "can't run", sorted. */
function cantRun(vs: Violation[]): string[] {
  return vs
    .filter((v) => v.message.startsWith("can't run"))
    .map((v) => {
      const m = CANT_RUN.exec(v.message);
      assert.ok(m, `unexpected can't-run message: ${v.message}`);
      return `${v.policy} ${v.resource === null ? "(stack)" : v.resource.split("::").pop()}: ${m[1]}`;
    })
    .sort();
}

const decided = (vs: Violation[]) =>
  vs
    .filter((v) => !v.message.startsWith("can't run"))
    .map((v) => `${v.level} ${v.policy} ${v.resource} ${v.message}`)
    .sort();

/**
 * Where a rule may not run during a first preview, and why it needs the value:
 * - a role's assumeRolePolicy holds the SMS external id (a random result) or the identity pool id,
 *   and both trust rules must read it to know whether the role is theirs and whether it is scoped;
 * - a new role's inlinePolicies is a computed output; the permission rules cannot tell it from
 *   inline policies set from an unknown value, so they report what they know and stay undecided;
 * - a client that sets no supportedIdentityProviders has them computed: the rule checks the other
 *   clients and stays undecided;
 * - a pool without SMS sets no smsConfiguration, a computed output, so the SMS-role stack rules
 *   cannot tell yet whether the pool names a role.
 */
function expectedCantRun(run: RunResult, stack: string, sms: boolean): string[] {
  const smsRole = sms ? one(run, T.role, "-sms-role").name : undefined;
  const common = [
    `cognito-client-identity-providers-defined (stack): supportedIdentityProviders`,
    `cognito-client-identity-providers-outside-stack (stack): supportedIdentityProviders`,
    ...(smsRole
      ? [
          `cognito-identity-pool-role-trust ${smsRole}: assumeRolePolicy`,
          `cognito-sms-role-external-id (stack): assumeRolePolicy`,
          `cognito-sms-role-permissions (stack): inlinePolicies`,
          `cognito-sms-role-trust ${smsRole}: assumeRolePolicy`,
        ]
      : // Without SMS the pool sets no smsConfiguration, which the provider then computes: unknown in preview.
        [
          `cognito-sms-role-external-id (stack): smsConfiguration`,
          `cognito-sms-role-outside-stack (stack): smsConfiguration`,
          `cognito-sms-role-permissions (stack): smsConfiguration`,
        ]),
  ];
  if (stack === "prod") return common.sort();
  const identity = one(run, T.role, "-authenticated").name;
  return [
    ...common,
    `cognito-identity-pool-role-permissions (stack): inlinePolicies`,
    `cognito-identity-pool-role-trust ${identity}: assumeRolePolicy`,
    `cognito-sms-role-trust ${identity}: assumeRolePolicy`,
  ].sort();
}

describe("the policy pack over a first preview (values computed on create are unknown)", () => {
  it("the simulated preview hides ids, ARNs, random results and what is built from them, and keeps config values", async () => {
    const run = await runStack("dev", undefined, withSms("dev"));
    const { resources, stack } = previewInputs(run);
    const input = (type: string, suffix: string) =>
      resources.find((r) => r.type === type && r.name.endsWith(suffix))?.props ?? assert.fail(`${type} *${suffix}`);
    const output = (type: string, suffix: string) =>
      stack.find((r) => r.type === type && r.name.endsWith(suffix))?.props ?? assert.fail(`${type} *${suffix}`);
    assert.strictEqual(input(T.userPoolClient, "-web").userPoolId, PREVIEW_UNKNOWN);
    assert.strictEqual(input(T.role, "-sms-role").assumeRolePolicy, PREVIEW_UNKNOWN);
    assert.strictEqual(input(T.role, "-authenticated").assumeRolePolicy, PREVIEW_UNKNOWN);
    const pool = output(T.userPool, "-user-pool");
    assert.deepStrictEqual([pool.id, pool.arn], [PREVIEW_UNKNOWN, PREVIEW_UNKNOWN]);
    assert.strictEqual(output(T.role, "-sms-role").inlinePolicies, PREVIEW_UNKNOWN);
    assert.strictEqual(input(T.userPool, "-user-pool").mfaConfiguration, one(run, T.userPool).inputs.mfaConfiguration);
    assert.deepStrictEqual(
      input(T.userPoolClient, "-web").callbackUrls,
      one(run, T.userPoolClient, "-web").inputs.callbackUrls,
    );
  });

  it("reads computed outputs from the provider typings", () => {
    const role = alwaysPresentOutputs(T.role);
    for (const k of ["arn", "uniqueId", "inlinePolicies", "managedPolicyArns", "assumeRolePolicy"])
      assert.ok(role.includes(k), k);
    assert.ok(
      !role.includes("description") && !role.includes("permissionsBoundary"),
      "optional outputs are not always present",
    );
    assert.ok(alwaysPresentOutputs(T.userPoolClient).includes("supportedIdentityProviders"));
    assert.deepStrictEqual(alwaysPresentOutputs("cognito-auth:index:CognitoAuth"), []);
  });

  for (const [stack, sms] of [
    ["prod", false],
    ["dev", false],
    ["prod", true],
    ["dev", true],
  ] as const) {
    describe(`${stack}${sms ? " with SMS" : ""}`, () => {
      let full: Violation[];
      let preview: Violation[];
      let expected: string[];
      before(async () => {
        const run = await runStack(stack, undefined, sms ? withSms(stack) : undefined);
        full = await evaluatePolicies(run, config(stack));
        preview = await evaluateAnalyzerInputs(previewInputs(run), config(stack));
        expected = expectedCantRun(run, stack, sms);
      });

      it("has no mandatory violation", () =>
        assert.deepStrictEqual(
          preview.filter((v) => v.level === "mandatory"),
          [],
          show(preview),
        ));

      it('reports "can\'t run" only where a rule reads a value the preview lacks', () => {
        assert.deepStrictEqual(cantRun(preview), expected, show(preview));
        assert.ok(preview.filter((v) => v.message.startsWith("can't run")).every((v) => v.level === "advisory"));
      });

      it("reaches the full run's verdicts with every rule that runs, and reports nothing the full run does not", () => {
        const undecided = new Set(preview.filter((v) => v.message.startsWith("can't run")).map((v) => v.policy));
        const known = decided(preview);
        for (const v of known) assert.ok(decided(full).includes(v), `preview only: ${v}`);
        const missing = decided(full.filter((v) => !undecided.has(v.policy))).filter((v) => !known.includes(v));
        assert.deepStrictEqual(missing, [], "a rule that ran in preview missed what the full run reports");
      });
    });
  }
});
