import * as assert from "node:assert";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import {
  effectiveConfig,
  effectiveLevel,
  evaluatePolicies,
  PolicyConfigError,
  validatePolicyConfig,
} from "../../../plan/evaluate-policies";
import { type CognitoRule, RULES } from "../../../policy/rules";
import { schemaOf, text } from "../../../policy/rules/knobs";
import { badStack, recorded } from "../../policy/bad-stack";
import { T } from "../../policy/harness";

const byName = (name: string): CognitoRule => {
  const rule = RULES.find((r) => r.name === name);
  assert.ok(rule, name);
  return rule;
};

/** The engine's own wording for a pattern that does not compile (it varies across Node versions). */
function regexError(source: string): string {
  try {
    new RegExp(source, "i");
  } catch (e) {
    return (e as Error).message;
  }
  return assert.fail(`${source} compiles`);
}

describe("plan/evaluate-policies", () => {
  describe("enforcement levels, resolved as the engine does", () => {
    const rule = byName("cognito-user-pool-waf"); // default advisory
    it("takes the policy's own entry, then all, then the policy default", () => {
      assert.strictEqual(effectiveLevel(rule, {}), "advisory");
      assert.strictEqual(effectiveLevel(rule, { all: "mandatory" }), "mandatory");
      assert.strictEqual(effectiveLevel(rule, { all: { enforcementLevel: "mandatory" } }), "mandatory");
      assert.strictEqual(effectiveLevel(rule, { all: "mandatory", [rule.name]: "disabled" }), "disabled");
      assert.strictEqual(
        effectiveLevel(rule, { all: "mandatory", [rule.name]: { enforcementLevel: "advisory" } }),
        "advisory",
      );
      assert.strictEqual(effectiveLevel(rule, { all: "mandatory", [rule.name]: { somethingElse: 1 } }), "mandatory");
    });
    it("fills config from schema defaults, overridden by the file's knobs", () => {
      const pw = byName("cognito-user-pool-password-policy");
      assert.deepStrictEqual(effectiveConfig(pw, { [pw.name]: { enforcementLevel: "advisory", minimumLength: 12 } }), {
        minimumLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
      });
    });
  });

  describe("validatePolicyConfig", () => {
    it("accepts the committed stack configs", () => {
      assert.deepStrictEqual(validatePolicyConfig(require("../../../policy/config/prod.json")), []);
      assert.deepStrictEqual(validatePolicyConfig(require("../../../policy/config/dev.json")), []);
    });
    it("names unknown policies and knobs, wrong types, enums and levels", () => {
      assert.deepStrictEqual(
        validatePolicyConfig({
          "cognito-user-pool-mfa": "mandatory",
          "cognito-user-pool-password-policy": { minimumLenght: 12, requireSymbols: "yes" },
          "cognito-user-pool-threat-protection": { securityMode: "FULL" },
          "cognito-risk-compromised-credentials": { requiredEventFilters: ["SIGN_IN", "LOGIN"] },
          "cognito-user-pool-waf": "strict",
          all: { enforcementLevel: "mandatory", minimumLength: 1 },
        }),
        [
          "cognito-user-pool-mfa: no such policy in the pack",
          "cognito-user-pool-password-policy.minimumLenght: no such setting (settings: minimumLength, requireLowercase, requireUppercase, requireNumbers, requireSymbols)",
          'cognito-user-pool-password-policy.requireSymbols: must be boolean, got "yes"',
          'cognito-user-pool-threat-protection.securityMode: must be one of ["AUDIT","ENFORCED"]',
          'cognito-risk-compromised-credentials.requiredEventFilters: "LOGIN" is not one of ["SIGN_IN","PASSWORD_CHANGE","SIGN_UP"]',
          'cognito-user-pool-waf: enforcement level "strict" is not one of advisory, mandatory, remediate, disabled',
          "all: takes only an enforcement level",
        ],
      );
      assert.deepStrictEqual(validatePolicyConfig([]), ["the config must be a JSON object"]);
    });
    it("checks ranges, item types, regular expressions and the type of enforcementLevel, as the CLI's schema check does", () => {
      assert.deepStrictEqual(
        validatePolicyConfig({
          "cognito-user-pool-password-policy": { minimumLength: 4 },
          "cognito-client-auth-session-validity": { maximumMinutes: 60 },
          "cognito-client-token-lifetimes": { maxAccessTokenMinutes: 30.5 },
          "cognito-user-pool-temporary-password-validity": { enforcementLevel: 5 },
          "cognito-client-secret-posture": { secretFlows: [1], publicClientPattern: "(web" },
          "cognito-user-pool-protect-in-production": { productionStacks: ["prod", true] },
          all: { enforcementLevel: null },
        }),
        [
          "cognito-user-pool-password-policy.minimumLength: must be at least 6, got 4",
          "cognito-client-auth-session-validity.maximumMinutes: must be at most 15, got 60",
          "cognito-client-token-lifetimes.maxAccessTokenMinutes: must be integer, got 30.5",
          "cognito-user-pool-temporary-password-validity.enforcementLevel: must be one of advisory, mandatory, remediate, disabled, got 5",
          "cognito-client-secret-posture.secretFlows: 1 is not string",
          `cognito-client-secret-posture.publicClientPattern: "(web" is not a valid regular expression (${regexError("(web")})`,
          "cognito-user-pool-protect-in-production.productionStacks: true is not string",
          "all.enforcementLevel: must be one of advisory, mandatory, remediate, disabled, got null",
        ],
      );
    });
    it("accepts the range boundaries and a valid pattern", () => {
      assert.deepStrictEqual(
        validatePolicyConfig({
          "cognito-user-pool-password-policy": { enforcementLevel: "mandatory", minimumLength: 6 },
          "cognito-client-auth-session-validity": { maximumMinutes: 15 },
          "cognito-client-secret-posture": { secretFlows: [], publicClientPattern: "^(kiosk|tv)-" },
        }),
        [],
      );
      assert.deepStrictEqual(validatePolicyConfig({ "cognito-user-pool-password-policy": { minimumLength: 100 } }), [
        "cognito-user-pool-password-policy.minimumLength: must be at most 99, got 100",
      ]);
    });
    it("makes evaluatePolicies throw a PolicyConfigError instead of running", async () => {
      await assert.rejects(
        evaluatePolicies(badStack(), { "cognito-nope": "mandatory" }),
        (e: unknown) => e instanceof PolicyConfigError && e.problems.length === 1,
      );
    });
  });

  describe("evaluatePolicies over a stack that breaks every rule", () => {
    let byDefault: Awaited<ReturnType<typeof evaluatePolicies>>;
    before(async () => {
      byDefault = await evaluatePolicies(badStack(), {});
    });

    for (const rule of RULES) {
      it(`${rule.name}: reported at its default level, and the config's level flips it`, async () => {
        const mine = byDefault.filter((v) => v.policy === rule.name);
        assert.ok(mine.length > 0, `${rule.name} found nothing in the bad stack`);
        assert.ok(mine.every((v) => v.level === rule.enforcementLevel && v.severity === rule.severity));
        const disabled = await evaluatePolicies(badStack(), { all: "mandatory", [rule.name]: "disabled" });
        assert.deepStrictEqual(
          disabled.filter((v) => v.policy === rule.name),
          [],
        );
        const flipped = await evaluatePolicies(badStack(), {
          all: "advisory",
          [rule.name]: { enforcementLevel: "remediate" },
        });
        assert.ok(
          flipped.filter((v) => v.policy === rule.name).every((v) => v.level === "mandatory"),
          "remediate is reported as mandatory",
        );
        assert.ok(flipped.filter((v) => v.policy !== rule.name).every((v) => v.level === "advisory"));
      });
    }

    it("names resource violations by URN and never prints a secret input", () => {
      const seed = byDefault.find((v) => v.policy === "cognito-no-seed-users-in-production");
      assert.strictEqual(seed?.resource, `urn:pulumi:prod::cognito-auth::${T.user}::seed`);
      assert.ok(byDefault.every((v) => !v.message.includes("Secret-1!")));
    });
  });

  it("builds analyzer arguments from the recorded run: options, parents, dependencies, tags and config", async () => {
    let seen: StackValidationArgs | undefined;
    const probe: CognitoRule = {
      name: "probe",
      description: "records its arguments",
      enforcementLevel: "advisory",
      severity: "low",
      tags: [],
      remediationSteps: "-",
      configSchema: schemaOf({ knob: text("default", "a knob") }),
      validateStack: (args) => {
        seen = args;
      },
    };
    const pool = recorded(
      T.userPool,
      "pool",
      { name: "p" },
      { id: "us-east-1_Pool", protect: true, parent: "cognito-auth:index:CognitoAuth::cognito" },
    );
    pool.state.arn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Pool";
    const run = {
      stack: "bad",
      outputs: {},
      secretOutputPaths: [],
      createdLate: [],
      resources: [
        recorded("cognito-auth:index:CognitoAuth", "cognito", {}, { custom: false, id: undefined, state: {} }),
        pool,
        recorded(T.riskConfiguration, "risk", { userPoolId: "us-east-1_Pool" }, { dependsOn: [`${T.userPool}::pool`] }),
        recorded(T.webAclAssociation, "waf", {
          resourceArn: pool.state.arn,
          webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/a/b",
        }),
      ],
    };
    await evaluatePolicies(run, { probe: { knob: "set" } }, { rules: [probe], stackTags: { environment: "prod" } });
    assert.ok(seen);
    const get = (name: string): PolicyResource => seen?.resources.find((r) => r.name === name) as PolicyResource;
    assert.strictEqual(get("pool").opts.protect, true);
    assert.strictEqual(get("pool").parent?.name, "cognito");
    assert.strictEqual(get("pool").props.id, "us-east-1_Pool");
    assert.deepStrictEqual(
      get("risk").dependencies.map((d) => d.name),
      ["pool"],
    );
    assert.deepStrictEqual(
      get("risk").propertyDependencies.userPoolId.map((d) => d.name),
      ["pool"],
    );
    assert.deepStrictEqual(
      get("waf").propertyDependencies.resourceArn.map((d) => d.name),
      ["pool"],
    );
    assert.deepStrictEqual(Object.keys(get("waf").propertyDependencies), ["resourceArn"]);
    assert.strictEqual(seen.stackTags.get("environment"), "prod");
    assert.deepStrictEqual(seen.getConfig(), { knob: "set" });
  });
});
