/**
 * The pack over whole stacks, as `npm run plan` runs it: the real program for a stack through the
 * offline runner, then every rule with that stack's policy config.
 *
 * The weakened copy of prod is split in two. Settings that config validation still lets a prod stack
 * through with (MFA OFF, weaker passwords, AUDIT threat protection ...) are in
 * tests/fixtures/prod-weakened/Pulumi.prod-weakened.yaml and go through the program. Settings that
 * validation refuses for prod before any resource exists (deletion protection off, implicit flow,
 * an http callback, guest identities) cannot be deployed that way, so they are first shown refused,
 * then written into the recorded resources of the weakened run, as a transform or another program
 * could, to show the pack catches them at the resource level too.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError } from "../../config/errors";
import type { RecordedResource } from "../../offline/recorded-resource";
import type { RunResult } from "../../offline/runner";
import { evaluatePolicies, type Violation } from "../../plan/evaluate-policies";
import { runStack } from "../unit/helpers";
import { T } from "./harness";

const FIXTURE = path.join(__dirname, "..", "fixtures", "prod-weakened");
const config = (name: string): object =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "policy", "config", `${name}.json`), "utf8"));

const mandatory = (vs: Violation[]) => vs.filter((v) => v.level === "mandatory");
const show = (vs: Violation[]) => vs.map((v) => `[${v.level}] ${v.policy}: ${v.message}`).join("\n");

/** Asserts a mandatory violation of `policy` on a resource of `type` whose message has `text`. */
function assertMandatory(vs: Violation[], policy: string, type: string, text: string): void {
  // A URN's type is qualified by its parents (`Parent$Child`), so the resource's own type ends it.
  const ownType = (urn: string | null | undefined): string | undefined => urn?.split("::")[2]?.split("$").pop();
  const hit = vs.find(
    (v) => v.policy === policy && v.level === "mandatory" && ownType(v.resource) === type && v.message.includes(text),
  );
  assert.ok(hit, `no mandatory ${policy} on ${type} mentioning ${JSON.stringify(text)} in:\n${show(vs)}`);
}

function clone(run: RunResult): RunResult {
  return JSON.parse(JSON.stringify(run)) as RunResult;
}

function only(run: RunResult, type: string, nameEndsWith = ""): RecordedResource {
  const found = run.resources.filter((r) => r.type === type && r.name.endsWith(nameEndsWith));
  assert.strictEqual(found.length, 1, `expected one ${type} *${nameEndsWith}`);
  return found[0];
}

describe("the policy pack over whole stacks", () => {
  it("prod has no mandatory violation under policy/config/prod.json", async () => {
    const vs = await evaluatePolicies(await runStack("prod"), config("prod"));
    assert.deepStrictEqual(mandatory(vs), [], show(vs));
  });

  it("prod's advisories are only the rules prod.json keeps advisory", async () => {
    const vs = await evaluatePolicies(await runStack("prod"), config("prod"));
    // Exactly these two, each reported: an empty result would mean the pack stopped judging prod.
    assert.deepStrictEqual([...new Set(vs.map((v) => v.policy))].sort(), [
      "cognito-client-refresh-token-rotation",
      "cognito-user-pool-self-signup-disabled",
    ]);
  });

  it("dev has no mandatory violation under dev.json, and one advisory per deliberate relaxation", async () => {
    const vs = await evaluatePolicies(await runStack("dev"), config("dev"));
    assert.deepStrictEqual(mandatory(vs), [], show(vs));
    const policies = new Set(vs.map((v) => v.policy));
    for (const p of [
      "cognito-user-pool-mfa-required",
      "cognito-user-pool-deletion-protection",
      "cognito-user-pool-threat-protection",
      "cognito-user-pool-plus-tier",
      "cognito-user-pool-ses-email",
    ]) {
      assert.ok(policies.has(p), `dev should show the advisory ${p}:\n${show(vs)}`);
    }
  });

  it("dev's seed users and localhost callbacks are allowed, but the same dev stack under prod.json is blocked", async () => {
    const run = await runStack("dev");
    assert.ok(
      run.resources.some((r) => r.type === T.user),
      "the dev stack should seed users",
    );
    const underProd = await evaluatePolicies(run, config("prod"));
    assertMandatory(
      underProd,
      "cognito-client-https-redirects",
      T.userPoolClient,
      "http://localhost:3000/auth/callback",
    );
    assertMandatory(underProd, "cognito-user-pool-deletion-protection", T.userPool, "INACTIVE");
    const tagged = await evaluatePolicies(run, config("prod"), { stackTags: { environment: "prod" } });
    assertMandatory(tagged, "cognito-no-seed-users-in-production", T.user, "admin@example.com");
    assertMandatory(tagged, "cognito-user-pool-protect-in-production", T.userPool, "not protected");
  });

  describe("a weakened copy of prod", () => {
    it("reports every setting validation lets through as a mandatory violation", async () => {
      const vs = await evaluatePolicies(await runStack("prod-weakened", FIXTURE), config("prod"));
      assertMandatory(vs, "cognito-user-pool-mfa-required", T.userPool, 'MFA is "OFF"');
      assertMandatory(vs, "cognito-user-pool-mfa-not-off", T.userPool, 'MFA is "OFF"');
      assertMandatory(vs, "cognito-user-pool-password-policy", T.userPool, "minimumLength is 8");
      assertMandatory(vs, "cognito-user-pool-temporary-password-validity", T.userPool, "is 30");
      assertMandatory(vs, "cognito-user-pool-threat-protection", T.userPool, '"AUDIT"');
      assertMandatory(vs, "cognito-user-pool-case-insensitive-usernames", T.userPool, "is true");
      assertMandatory(vs, "cognito-client-prevent-user-existence-errors", T.userPoolClient, '"LEGACY"');
      assertMandatory(vs, "cognito-client-token-lifetimes", T.userPoolClient, "accessTokenValidity is 1 days");
    });

    it("has its other weakenings refused by config validation before any resource exists", async () => {
      await assert.rejects(runStack("prod-refused", FIXTURE), (e: unknown) => {
        const issues = e instanceof ConfigError ? e.issues.map((i) => i.path) : [];
        assert.deepStrictEqual(
          issues.sort(),
          [
            "clients.web.allowedOauthFlows",
            "clients.web.callbackUrls[0]",
            "identityPool.allowUnauthenticatedIdentities",
            "pool.deletionProtection",
            "pool.protect",
          ],
          String(e),
        );
        return true;
      });
    });

    it("reports those refused weakenings too when they reach the resources", async () => {
      const run = clone(await runStack("prod-weakened", FIXTURE));
      const pool = only(run, T.userPool);
      pool.inputs.deletionProtection = "INACTIVE";
      pool.protect = false;
      const web = only(run, T.userPoolClient, "-web");
      web.inputs.allowedOauthFlows = ["code", "implicit"];
      web.inputs.callbackUrls = ["http://app.example.com/auth/callback"];
      only(run, T.identityPool).inputs.allowUnauthenticatedIdentities = true;

      const vs = await evaluatePolicies(run, config("prod"));
      assertMandatory(vs, "cognito-user-pool-deletion-protection", T.userPool, '"INACTIVE"');
      assertMandatory(vs, "cognito-user-pool-protect-in-production", T.userPool, "tag environment=prod");
      assertMandatory(vs, "cognito-client-no-implicit-flow", T.userPoolClient, "implicit");
      assertMandatory(vs, "cognito-client-https-redirects", T.userPoolClient, "http://app.example.com/auth/callback");
      assertMandatory(vs, "cognito-identity-pool-no-guest-access", T.identityPool, "guests");
    });

    it("leaves the refused weakenings unreported while the resources are untouched", async () => {
      const vs = await evaluatePolicies(await runStack("prod-weakened", FIXTURE), config("prod"));
      const refused = [
        "cognito-user-pool-deletion-protection",
        "cognito-user-pool-protect-in-production",
        "cognito-client-no-implicit-flow",
        "cognito-client-https-redirects",
        "cognito-identity-pool-no-guest-access",
      ];
      assert.deepStrictEqual(
        vs.filter((v) => refused.includes(v.policy)),
        [],
      );
    });
  });
});
