import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { effectiveLevel, validatePolicyConfig } from "../../../plan/evaluate-policies";
import { RULES } from "../../../policy/rules";

const POLICY_DIR = path.join(__dirname, "..", "..", "..", "policy");
const readJson = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(POLICY_DIR, f), "utf8"));

/** The README's rule table: rule name -> cells. */
function readmeRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(POLICY_DIR, "README.md"), "utf8").split("\n")) {
    const m = /^\| `(cognito-[a-z0-9-]+)` \|/.exec(line);
    if (m)
      rows.set(
        m[1],
        line.split(" | ").map((c) => c.replace(/^\| |\s*\|$/g, "").trim()),
      );
  }
  return rows;
}

describe("policy/rules (the pack's rule list)", () => {
  it("has at least 25 rules with unique names the analyzer accepts", () => {
    assert.ok(RULES.length >= 25, `only ${RULES.length} rules`);
    const names = RULES.map((r) => r.name);
    assert.strictEqual(new Set(names).size, names.length, "duplicate rule names");
    for (const n of names) assert.match(n, /^cognito-[a-z0-9-]+$/);
  });

  for (const rule of RULES) {
    it(`${rule.name} carries its metadata and a valid config schema`, () => {
      assert.ok(rule.description.length > 40, "description says what and why");
      assert.ok(["low", "medium", "high", "critical"].includes(rule.severity));
      assert.ok(["advisory", "mandatory"].includes(rule.enforcementLevel));
      assert.ok(rule.remediationSteps.length > 10);
      assert.ok(rule.tags.length > 0, "sources as tags");
      assert.strictEqual(
        "validateResource" in rule !== "validateStack" in rule,
        true,
        "exactly one of validateResource / validateStack",
      );
      const props = rule.configSchema.properties;
      // The analyzer exits the process on either of these.
      assert.ok(!("enforcementLevel" in props));
      assert.ok(!(rule.configSchema.required ?? []).includes("enforcementLevel"));
      for (const [k, s] of Object.entries(props)) {
        assert.ok(s.default !== undefined && typeof s.description === "string", `${k} has a default and a description`);
      }
      const defaults = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, s.default]));
      assert.deepStrictEqual(validatePolicyConfig({ [rule.name]: defaults }), [], "defaults satisfy the schema");
    });
  }

  it("the README's table lists every rule with the levels and knobs the code has", () => {
    const rows = readmeRows();
    const prod = readJson("config/prod.json");
    const dev = readJson("config/dev.json");
    assert.deepStrictEqual([...rows.keys()].sort(), RULES.map((r) => r.name).sort());
    for (const rule of RULES) {
      const cells = rows.get(rule.name) as string[];
      assert.strictEqual(cells.length, 9, `${rule.name}: 9 columns`);
      const [, , , , severity, def, p, d, knobs] = cells;
      assert.deepStrictEqual(
        [severity, def, p, d],
        [rule.severity, rule.enforcementLevel, effectiveLevel(rule, prod), effectiveLevel(rule, dev)],
        rule.name,
      );
      for (const k of Object.keys(rule.configSchema.properties))
        assert.ok(knobs.includes(`\`${k}\``), `${rule.name}: knob ${k} missing from the README`);
      if (Object.keys(rule.configSchema.properties).length === 0) assert.strictEqual(knobs, "none");
    }
  });

  it("both READMEs state the number of rules the pack has", () => {
    const count = (file: string, pattern: RegExp) => Number(pattern.exec(fs.readFileSync(file, "utf8"))?.[1]);
    assert.strictEqual(count(path.join(POLICY_DIR, "README.md"), /It has (\d+) rules/), RULES.length);
    assert.strictEqual(count(path.join(POLICY_DIR, "..", "README.md"), /policy pack with (\d+) rules/), RULES.length);
  });

  it("prod.json is mandatory by default and dev.json relaxes only what dev deliberately relaxes", () => {
    const prod = readJson("config/prod.json");
    const dev = readJson("config/dev.json");
    const advisory = (cfg: Record<string, unknown>) =>
      RULES.filter((r) => effectiveLevel(r, cfg) === "advisory")
        .map((r) => r.name)
        .sort();
    assert.deepStrictEqual(advisory(prod), [
      "cognito-client-identity-providers-outside-stack",
      "cognito-client-refresh-token-rotation",
      "cognito-sms-role-outside-stack",
      "cognito-user-pool-self-signup-disabled",
    ]);
    assert.deepStrictEqual(advisory(dev), [
      "cognito-client-identity-providers-outside-stack",
      "cognito-client-refresh-token-rotation",
      "cognito-risk-account-takeover",
      "cognito-risk-compromised-credentials",
      "cognito-sms-role-outside-stack",
      "cognito-user-pool-auth-event-logs",
      "cognito-user-pool-deletion-protection",
      "cognito-user-pool-mfa-required",
      "cognito-user-pool-plus-tier",
      "cognito-user-pool-self-signup-disabled",
      "cognito-user-pool-ses-email",
      "cognito-user-pool-threat-protection",
      "cognito-user-pool-threat-protection-custom-auth",
      "cognito-user-pool-waf",
    ]);
    assert.ok(RULES.every((r) => effectiveLevel(r, prod) !== "disabled" && effectiveLevel(r, dev) !== "disabled"));
  });

  it("the pack's package.json pins, as dependencies, exactly the versions the project has installed", () => {
    const pack = readJson("package.json") as {
      name: string;
      version: string;
      dependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const lock = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "..", "package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string }>;
    };
    assert.strictEqual(pack.name, "cognito-auth-policy");
    assert.match(pack.version, /^\d+\.\d+\.\d+$/);
    // typescript and @types/node too: the CLI may install with --omit=dev, and without them ts-node
    // falls back to an old bundled TypeScript that rejects the pack's ES2022 target.
    const deps = ["@pulumi/policy", "@pulumi/pulumi", "@pulumi/aws", "typescript", "@types/node"];
    assert.deepStrictEqual(Object.keys(pack.dependencies).sort(), [...deps].sort());
    for (const dep of deps)
      assert.strictEqual(pack.dependencies[dep], lock.packages[`node_modules/${dep}`].version, dep);
    assert.deepStrictEqual(pack.devDependencies ?? {}, {});
  });
});
