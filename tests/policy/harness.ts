/**
 * Runs single rules the way the policy analyzer would (awsguard's test util, plus notApplicable,
 * stackTags and preview's unknown values), and asserts on what they report.
 */

import * as assert from "node:assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
  createResourceValidationArgs,
  createStackValidationArgs,
  type PolicyOutcome,
  runResourcePolicy,
  runStackPolicy,
  type StackResourceInput,
} from "../../plan/validation-args";
import type { CognitoRule } from "../../policy/rules";

export type { StackResourceInput } from "../../plan/validation-args";
export { T } from "../../policy/rules/types";

/**
 * The engine's sentinels for values unknown during preview (@pulumi/policy proxy.js; not exported
 * by its typings). tests/policy/rules/unknowns.test.ts checks that unknownCheckingProxy rejects each one.
 */
export const UNKNOWN = {
  boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

export interface CheckOptions {
  config?: object;
  stackTags?: Record<string, string>;
  name?: string;
  urn?: string;
  protect?: boolean;
}

function resourceRule(rule: CognitoRule): ResourceValidationPolicy {
  assert.ok("validateResource" in rule, `${rule.name} is not a resource rule`);
  return rule as ResourceValidationPolicy;
}

function stackRule(rule: CognitoRule): StackValidationPolicy {
  assert.ok("validateStack" in rule, `${rule.name} is not a stack rule`);
  return rule as StackValidationPolicy;
}

/** Runs a resource rule on one resource of `type` with `props`. */
export function checkResource(
  rule: CognitoRule,
  type: string,
  props: Record<string, unknown>,
  o: CheckOptions = {},
): Promise<PolicyOutcome> {
  const args = createResourceValidationArgs(
    { type, name: o.name ?? "subject", urn: o.urn, props, opts: { protect: o.protect ?? false } },
    { config: o.config, stackTags: o.stackTags },
  );
  return runResourcePolicy(resourceRule(rule), args);
}

/** Runs a stack rule over `resources`. */
export function checkStack(
  rule: CognitoRule,
  resources: StackResourceInput[],
  o: Omit<CheckOptions, "name" | "urn" | "protect"> = {},
): Promise<PolicyOutcome> {
  return runStackPolicy(
    stackRule(rule),
    createStackValidationArgs(resources, { config: o.config, stackTags: o.stackTags }),
  );
}

/** A stack resource with a predictable URN (`urn:pulumi:<stack>::test::<type>::<name>`). */
export function res(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<StackResourceInput> = {},
  stack = "test",
): StackResourceInput {
  return { type, name, urn: urn(type, name, stack), props, ...extra };
}

export function urn(type: string, name: string, stack = "test"): string {
  return `urn:pulumi:${stack}::test::${type}::${name}`;
}

function describe(o: PolicyOutcome): string {
  return JSON.stringify({
    violations: o.violations.map((v) => v.message),
    notApplicable: o.notApplicable,
    unknown: o.unknown?.message,
  });
}

/** Exactly `count` violations (default: at least one), each containing every substring in turn. */
export function assertViolation(o: PolicyOutcome, ...substrings: string[]): void {
  assert.strictEqual(o.notApplicable, undefined, `expected a violation, got not applicable: ${describe(o)}`);
  assert.strictEqual(o.unknown, undefined, `expected a violation, got an unknown value: ${describe(o)}`);
  assert.ok(o.violations.length > 0, `expected a violation, got none`);
  for (const s of substrings)
    assert.ok(
      o.violations.some((v) => v.message.includes(s)),
      `no violation mentions ${JSON.stringify(s)}: ${describe(o)}`,
    );
}

export function assertViolations(o: PolicyOutcome, count: number, ...substrings: string[]): void {
  assertViolation(o, ...substrings);
  assert.strictEqual(o.violations.length, count, `expected ${count} violations: ${describe(o)}`);
}

/** Applicable, decided, and no violation. */
export function assertPass(o: PolicyOutcome): void {
  assert.deepStrictEqual(
    { violations: o.violations.map((v) => v.message), notApplicable: o.notApplicable, unknown: o.unknown?.message },
    { violations: [], notApplicable: undefined, unknown: undefined },
  );
}

export function assertNotApplicable(o: PolicyOutcome, reason?: string): void {
  assert.ok(o.notApplicable !== undefined, `expected not applicable: ${describe(o)}`);
  assert.deepStrictEqual(o.violations, []);
  if (reason !== undefined)
    assert.ok(
      o.notApplicable.includes(reason),
      `reason ${JSON.stringify(o.notApplicable)} does not mention ${JSON.stringify(reason)}`,
    );
}

/** The rule could not decide during preview, because of the value at `path` (dotted). */
export function assertUnknown(o: PolicyOutcome, path: string): void {
  assert.ok(o.unknown !== undefined, `expected an UnknownValueError at .${path}: ${describe(o)}`);
  assert.strictEqual(o.unknown.props.map(String).join("."), path);
}

/**
 * Exactly `count` violations about what preview knows (each substring in one of them), and still
 * undecided because of the value at `path`: the analyzer reports both, the latter as advisory.
 */
export function assertViolationsThenUnknown(
  o: PolicyOutcome,
  count: number,
  path: string,
  ...substrings: string[]
): void {
  assertUnknown(o, path);
  assert.strictEqual(o.notApplicable, undefined, describe(o));
  assert.strictEqual(o.violations.length, count, `expected ${count} violations: ${describe(o)}`);
  for (const s of substrings)
    assert.ok(
      o.violations.some((v) => v.message.includes(s)),
      `no violation mentions ${JSON.stringify(s)}: ${describe(o)}`,
    );
}

/** A deep copy with `path` (dotted) set to `value`; `undefined` deletes the key. */
export function withProp<T extends Record<string, unknown>>(obj: T, path: string, value: unknown): T {
  const copy = JSON.parse(JSON.stringify(obj)) as T;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== "object" || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}
