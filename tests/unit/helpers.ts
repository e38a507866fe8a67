import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ConfigError, type ConfigIssue } from "../../config/errors";
import { type ConfigInput, loadConfig } from "../../config/load";
import type { StackModel } from "../../config/model";
import { replaceSecureLeaves } from "../../config/stack-file";
import { offlineBackend } from "../../offline/backend";
import type { RecordedResource } from "../../offline/recorded-resource";
import { type RunResult, runProgram } from "../../offline/runner";
import { PROJECT_ROOT } from "../../util/project-root";

const runs = new Map<string, Promise<RunResult>>();
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a stack through the offline runner once per process and caches the result; runs are queued
 * because the Pulumi runtime holds one program at a time.
 */
export function runStack(
  stack: string,
  stackDir?: string,
  configOverrides?: Record<string, string>,
): Promise<RunResult> {
  const key = `${stackDir ?? ""}::${stack}::${JSON.stringify(configOverrides ?? {})}`;
  let run = runs.get(key);
  if (!run) {
    run = queue.then(() => runProgram({ stack, stackDir, configOverrides }));
    queue = run.catch(() => undefined);
    runs.set(key, run);
  }
  return run;
}

export function ofType(run: RunResult, type: string): RecordedResource[] {
  return run.resources.filter((r) => r.type === type);
}

/** The single resource of a type (optionally whose name ends with a suffix); fails otherwise. */
export function one(run: RunResult, type: string, nameEndsWith = ""): RecordedResource {
  const found = ofType(run, type).filter((r) => r.name.endsWith(nameEndsWith));
  assert.strictEqual(
    found.length,
    1,
    `expected one ${type}${nameEndsWith ? ` named *${nameEndsWith}` : ""}, found ${found.map((r) => r.name).join(", ") || "none"}`,
  );
  return found[0];
}

/**
 * A ConfigInput as the engine would give it for a stack file whose `cognito-auth:` values are
 * `values` (secure leaves `{ secure: "..." }` become the offline placeholder and mark the key secret).
 */
export function configInput(
  stack: string,
  values: Record<string, unknown>,
  region = "us-east-1",
  allowPlaceholders = true,
): ConfigInput {
  const engineConfig: Record<string, string> = { "aws:region": region };
  const secretKeys: string[] = [];
  const stackConfig: Record<string, unknown> = { "aws:region": region };
  for (const [k, v] of Object.entries(values)) {
    const key = `cognito-auth:${k}`;
    const r = replaceSecureLeaves(v);
    engineConfig[key] = typeof r.value === "string" ? r.value : JSON.stringify(r.value);
    if (r.hadSecret) secretKeys.push(key);
    stackConfig[key] = v;
  }
  return {
    stack,
    engineConfig,
    secretKeys,
    allowPlaceholders,
    files: { stackFile: `Pulumi.${stack}.yaml`, stackConfig, projectConfig: {}, exists: true, misplacedKeys: [] },
  };
}

/** Loads config that must be valid; returns the resolved model. */
export function load(stack: string, values: Record<string, unknown>): StackModel {
  return loadConfig(configInput(stack, values));
}

/** Loads config that must be invalid; returns the issues. */
export function issuesFor(stack: string, values: Record<string, unknown>): ConfigIssue[] {
  try {
    loadConfig(configInput(stack, values));
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  assert.fail(`expected stack ${stack} config to be rejected`);
}

/** Asserts one issue has this path and a rule containing `ruleText`. */
export function assertIssue(issues: ConfigIssue[], path: string, ruleText: string): ConfigIssue {
  const hit = issues.find((i) => i.path === path && i.rule.includes(ruleText));
  assert.ok(
    hit,
    `no issue at ${path} containing "${ruleText}"; got:\n${issues.map((i) => `  ${i.path}: ${i.rule}`).join("\n")}`,
  );
  return hit;
}

/**
 * Sets Pulumi's mocks to the offline backend for a test that builds components itself (not through
 * the runner), and returns the list every registration is pushed to.
 */
export async function recordingMocks(stack = "dev"): Promise<pulumi.runtime.MockResourceArgs[]> {
  const created: pulumi.runtime.MockResourceArgs[] = [];
  const backend = offlineBackend("us-east-1");
  await pulumi.runtime.setMocks(
    {
      async newResource(args) {
        created.push(args);
        return args.custom ? backend.newResource(args) : { id: undefined, state: {} };
      },
      async call(args) {
        return backend.call(args);
      },
    },
    "cognito-auth",
    stack,
    false,
  );
  return created;
}

/** Resolves once an output has a value (assertions belong after it, never inside the apply). */
export function settled<T>(output: pulumi.Output<T>): Promise<void> {
  return new Promise<void>((resolve) => output.apply(() => resolve()));
}

/**
 * Engine config that turns SMS on (or sets `sms` as given) over a committed stack's own
 * `messaging`, for `runStack(stack, undefined, withSms(stack))`: SMS is opt-in in both presets.
 */
export function withSms(stack: string, sms: Record<string, unknown> = { enabled: true }): Record<string, string> {
  const file = parse(fs.readFileSync(path.join(PROJECT_ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
    config: Record<string, object | undefined>;
  };
  return { "cognito-auth:messaging": JSON.stringify({ ...file.config["cognito-auth:messaging"], sms }) };
}

/** A recorded custom resource with every field at its neutral value, `over` on top. */
export function recordedResource(name: string, over: Partial<RecordedResource> = {}): RecordedResource {
  return {
    type: "aws:test/thing:Thing",
    name,
    urn: `urn:pulumi:s::p::aws:test/thing:Thing::${name}`,
    custom: true,
    inputs: {},
    secretPaths: [],
    state: {},
    protect: false,
    retainOnDelete: false,
    deleteBeforeReplace: false,
    dependsOn: [],
    ...over,
  };
}
