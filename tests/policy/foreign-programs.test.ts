/**
 * The pack over other teams' programs (tests/fixtures/foreign-*): plain @pulumi/aws resources, no
 * cognito-auth component, run offline by `npm run check-policy`'s engine. Each test pins the exact
 * set of violations (rule, level, resource), so a rule that starts or stops firing on a foreign
 * program shows up here.
 */
import * as assert from "node:assert";
import * as path from "node:path";
import { checkPolicy } from "../../plan/check-policy";
import type { Violation } from "../../plan/evaluate-policies";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const PROD_CONFIG = path.join(__dirname, "..", "..", "policy", "config", "prod.json");

/** `level rule resource-name`, sorted: the verdict without the wording. */
function verdicts(violations: Violation[]): string[] {
  return violations.map((v) => `${v.level} ${v.policy} ${v.resource?.split("::").pop() ?? "(stack)"}`).sort();
}

function messagesOf(violations: Violation[], policy: string): string[] {
  return violations.filter((v) => v.policy === policy).map((v) => v.message);
}

describe("the policy pack over foreign programs (npm run check-policy)", function () {
  this.timeout(120_000);

  describe("foreign-weak-pool (dev): a bare weak pool with an implicit-flow client", () => {
    let out: Awaited<ReturnType<typeof checkPolicy>>;
    before(async () => {
      out = await checkPolicy({ programDir: path.join(FIXTURES, "foreign-weak-pool"), stack: "dev" });
    });

    it("exits 1 under policy/config/dev.json, naming each weakness", () => {
      assert.strictEqual(out.code, 1, out.stderr);
      assert.match(out.stdout, /with policy\/config\/dev\.json \(stack dev\): 12 mandatory, 13 advisory/);
      assert.deepStrictEqual(verdicts(out.violations), [
        "advisory cognito-client-refresh-token-rotation orders-web",
        "advisory cognito-risk-account-takeover orders",
        "advisory cognito-risk-account-takeover orders",
        "advisory cognito-risk-compromised-credentials orders",
        "advisory cognito-risk-compromised-credentials orders",
        "advisory cognito-user-pool-auth-event-logs orders",
        "advisory cognito-user-pool-deletion-protection orders",
        "advisory cognito-user-pool-mfa-required orders",
        "advisory cognito-user-pool-plus-tier orders",
        "advisory cognito-user-pool-self-signup-disabled orders",
        "advisory cognito-user-pool-ses-email orders",
        "advisory cognito-user-pool-threat-protection orders",
        "advisory cognito-user-pool-waf orders",
        "mandatory cognito-client-https-redirects orders-web",
        "mandatory cognito-client-no-implicit-flow orders-web",
        "mandatory cognito-client-prevent-user-existence-errors orders-web",
        "mandatory cognito-client-token-revocation orders-web",
        "mandatory cognito-user-pool-account-recovery orders",
        "mandatory cognito-user-pool-case-insensitive-usernames orders",
        "mandatory cognito-user-pool-mfa-not-off orders",
        "mandatory cognito-user-pool-password-policy orders",
        "mandatory cognito-user-pool-password-policy orders",
        "mandatory cognito-user-pool-password-policy orders",
        "mandatory cognito-user-pool-password-policy orders",
        "mandatory cognito-user-pool-temporary-password-validity orders",
      ]);
    });

    it("names the @pulumi/aws resource and argument to fix in every mandatory message, our key second", () => {
      for (const v of out.violations.filter((x) => x.level === "mandatory")) {
        assert.match(v.message, /Fix: /, v.message);
        assert.match(v.message, /on aws\.cognito\.(UserPool|UserPoolClient);/, v.message);
        assert.ok(v.message.indexOf("cognito-auth key:") > v.message.indexOf("aws.cognito."), v.message);
      }
      assert.deepStrictEqual(messagesOf(out.violations, "cognito-client-no-implicit-flow"), [
        'allowedOauthFlows includes "implicit". Fix: use the authorization code grant with PKCE instead (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.allowedOauthFlows ["code"]).',
      ]);
    });
  });

  describe("foreign-shared-sms (prod): a strong pool whose SMS role comes from a StackReference", () => {
    let out: Awaited<ReturnType<typeof checkPolicy>>;
    before(async () => {
      out = await checkPolicy({
        programDir: path.join(FIXTURES, "foreign-shared-sms"),
        stack: "prod",
        policyConfig: PROD_CONFIG,
      });
    });

    it("passes the prod config: the shared role is 'cannot judge' (advisory), not a violation", () => {
      assert.strictEqual(out.code, 0, out.stdout);
      assert.deepStrictEqual(verdicts(out.violations), ["advisory cognito-sms-role-outside-stack payments"]);
      const [msg] = messagesOf(out.violations, "cognito-sms-role-outside-stack");
      assert.match(msg, /^Cannot judge: user pool payments sends SMS through/);
      assert.match(msg, /stack-reference\/acme\/platform-messaging\/prod\/smsRoleArn/);
    });

    it("says which StackReference outputs it stood in for", () =>
      assert.match(out.stdout, /StackReference outputs stood in .*: acme\/platform-messaging\/prod\.smsRoleArn/));
  });

  describe("foreign-multi-pool (prod-eu): several pools, production by stack tag and by stack name", () => {
    const expected = [
      "advisory cognito-user-pool-self-signup-disabled customers",
      "advisory cognito-user-pool-self-signup-disabled staff",
      "mandatory cognito-no-seed-users-in-production staff-admin",
      "mandatory cognito-user-pool-auth-event-logs customers",
      "mandatory cognito-user-pool-auth-event-logs staff",
      "mandatory cognito-user-pool-mfa-required staff",
      "mandatory cognito-user-pool-protect-in-production customers",
      "mandatory cognito-user-pool-waf customers",
      "mandatory cognito-user-pool-waf staff",
    ];
    const run = (stackTags?: Record<string, string>) =>
      checkPolicy({
        programDir: path.join(FIXTURES, "foreign-multi-pool"),
        stack: "prod-eu",
        policyConfig: PROD_CONFIG,
        stackTags,
      });

    it("tagged environment=production: exits 1 and quotes the stack tag as the reason", async () => {
      const out = await run({ environment: "production" });
      assert.strictEqual(out.code, 1, out.stderr);
      assert.deepStrictEqual(verdicts(out.violations), expected);
      for (const policy of ["cognito-user-pool-protect-in-production", "cognito-no-seed-users-in-production"])
        assert.match(messagesOf(out.violations, policy)[0], /production because stack tag environment=production,/);
    });

    it("untagged: the stack name prod-eu still counts as production, by the pattern prod-*", async () => {
      const out = await run();
      assert.strictEqual(out.code, 1, out.stderr);
      assert.deepStrictEqual(verdicts(out.violations), expected);
      assert.match(
        messagesOf(out.violations, "cognito-user-pool-protect-in-production")[0],
        /production because stack "prod-eu" matches productionStacks pattern "prod-\*"/,
      );
    });

    it("a productionStacks list without the pattern makes the untagged stack non-production", async () => {
      const out = await checkPolicy({
        programDir: path.join(FIXTURES, "foreign-multi-pool"),
        stack: "prod-eu",
        policyConfig: path.join(FIXTURES, "foreign-multi-pool", "exact-stack-names.policy.json"),
      });
      assert.strictEqual(out.code, 0, out.stdout);
      assert.deepStrictEqual(
        verdicts(out.violations).filter((v) => v.startsWith("mandatory")),
        [],
      );
    });
  });
});
