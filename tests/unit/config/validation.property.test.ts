import * as assert from "node:assert";
import fc from "fast-check";
import { ConfigError } from "../../../config/errors";
import { loadConfig } from "../../../config/load";
import { deepMerge } from "../../../config/merge";
import { splitPath } from "../../../config/paths";
import { TOP_LEVEL_KEYS } from "../../../config/schema";
import type { ResourceBackend } from "../../../offline/backend";
import { runProgram } from "../../../offline/runner";
import { configInput } from "../helpers";

/** One way to break a config: the values to merge in and the key path the error must name. */
interface Breakage {
  values: Record<string, unknown>;
  path: string;
}

function at(path: string, value: unknown): Record<string, unknown> {
  return splitPath(path).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

const breakage = (path: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Breakage> =>
  value.map((v) => ({ values: at(path, v), path }));
const knownTop = new Set<string>(TOP_LEVEL_KEYS);
const identifier = fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/);

/** Each arbitrary yields a config mistake the validation must catch and name. */
const BREAKAGES: fc.Arbitrary<Breakage>[] = [
  breakage(
    "pool.passwordPolicy.minimumLength",
    fc.oneof(fc.integer({ min: -1000, max: 5 }), fc.integer({ min: 100, max: 10000 })),
  ),
  breakage(
    "pool.passwordPolicy.temporaryPasswordValidityDays",
    fc.oneof(fc.integer({ min: -50, max: -1 }), fc.integer({ min: 366, max: 5000 })),
  ),
  breakage("pool.passwordPolicy.passwordHistorySize", fc.integer({ min: 25, max: 500 })),
  breakage(
    "pool.smsAuthenticationMessage",
    fc.string({ maxLength: 60 }).filter((s) => !s.includes("{####}")),
  ),
  breakage(
    "pool.mfaConfiguration",
    fc.string({ maxLength: 10 }).filter((s) => !["OFF", "OPTIONAL", "ON"].includes(s)),
  ),
  breakage("pool.userPoolTier", fc.constantFrom("lite", "Plus", "PREMIUM", "", 3)),
  breakage("pool.deletionProtection", fc.constantFrom("active", "ON", true, 1)),
  breakage("pool.usernameConfiguration.caseSensitive", fc.constantFrom("false", 0, "no")),
  breakage("tags.owner", fc.string({ minLength: 257, maxLength: 300 })),
  identifier.filter((k) => !knownTop.has(k)).map((k) => ({ values: { [k]: {} }, path: k })),
  identifier
    .filter((k) => !["name", "schemas", "protect"].includes(k) && k.length > 3)
    .map((k) => ({ values: { pool: { [`x${k}`]: 1 } }, path: `pool.x${k}` })),
  fc.constant({
    values: { messaging: { email: { emailSendingAccount: "DEVELOPER" } } },
    path: "messaging.email.fromEmailAddress",
  }),
  fc.integer({ min: 141, max: 400 }).map((n) => ({
    values: at("pool.verificationMessageTemplate.smsMessage", `{####}${"x".repeat(n - 6)}`),
    path: "pool.verificationMessageTemplate.smsMessage",
  })),
];

function merged(breakages: Breakage[]): Record<string, unknown> {
  return breakages.reduce<Record<string, unknown>>((acc, b) => deepMerge(acc, b.values) as Record<string, unknown>, {});
}

/** The mistakes whose key paths are not touched by another picked mistake (a later one may overwrite an earlier one). */
function independent(breakages: Breakage[]): Breakage[] {
  return breakages.filter(
    (b, i) => !breakages.some((o, j) => j !== i && (o.path.startsWith(b.path) || b.path.startsWith(o.path))),
  );
}

describe("config validation (property-based)", () => {
  it("rejects every generated invalid config with one ConfigError naming each mistake's key path", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("dev", "prod"),
        fc.uniqueArray(fc.oneof(...BREAKAGES), { minLength: 1, maxLength: 5, selector: (b) => b.path }),
        (stack, picked) => {
          const breakages = independent(picked);
          fc.pre(breakages.length > 0);
          let error: unknown;
          try {
            loadConfig(configInput(stack, merged(breakages)));
          } catch (e) {
            error = e;
          }
          assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
          const paths = error.issues.map((i) => i.path);
          for (const b of breakages)
            assert.ok(paths.includes(b.path), `no issue for ${b.path}; got ${paths.join(", ")}`);
          for (const i of error.issues) {
            assert.ok(i.rule.length > 0, "every issue says which rule it broke");
            assert.ok(i.source, "every issue names where its value came from");
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws anything but a ConfigError on arbitrary JSON config values", () => {
    const anyTop = fc.dictionary(fc.constantFrom(...TOP_LEVEL_KEYS, "pol", "client"), fc.jsonValue(), { maxKeys: 4 });
    fc.assert(
      fc.property(anyTop, (values) => {
        try {
          loadConfig(configInput("dev", values));
        } catch (e) {
          assert.ok(e instanceof ConfigError, `crashed with ${e instanceof Error ? e.stack : String(e)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("stops the real program before any resource exists", async () => {
    const untouchable: ResourceBackend = {
      async newResource(args) {
        throw new Error(`resource ${args.type} ${args.name} was created despite invalid config`);
      },
      async call(args) {
        throw new Error(`invoke ${args.token} was called despite invalid config`);
      },
    };
    const samples = fc.sample(fc.oneof(...BREAKAGES), { numRuns: 5, seed: 42 });
    for (const b of samples) {
      const overrides: Record<string, string> = {};
      for (const [k, v] of Object.entries(b.values)) overrides[`cognito-auth:${k}`] = JSON.stringify(v);
      await assert.rejects(
        runProgram({ stack: "dev", backend: untouchable, configOverrides: overrides }),
        (e: unknown) =>
          e instanceof Error &&
          e.message.includes("config problem") &&
          e.message.includes(b.path) &&
          !e.message.includes("despite invalid config"),
      );
    }
  });
});
