/**
 * Runs any team's Pulumi TypeScript program offline, under Pulumi's mocks, with its own
 * `Pulumi.yaml` and `Pulumi.<stack>.yaml`: the engine behind `npm run check-policy`. It records
 * what the program registers exactly as offline/runner.ts does for this program, so the policy
 * pack judges the result the same way `npm run plan` does.
 *
 * Nothing is deployed and no credentials are read. Provider functions get deterministic answers
 * (the caller identity, region and partition of the offline backend; `getPolicyDocument` rendered
 * into JSON); StackReference outputs get a stand-in ARN (the policy pack then says "cannot judge"
 * where it matters). Anything else is refused with a ForeignProgramError naming it, which fails the
 * run at once instead of leaving the program waiting for an answer.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { registerStackTransformation, runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { parse } from "yaml";
import { isSecureLeaf, OFFLINE_SECRET_PLACEHOLDER, stackNames } from "../config/stack-file";
import { PROJECT_ROOT } from "../util/project-root";
import { OFFLINE_ACCOUNT, OFFLINE_TYPES, offlineBackend, type ResourceBackend } from "./backend";
import { renderPolicyDocument } from "./policy-document";
import { INVOKES } from "./resource-types";
import {
  debuggable,
  failureLatch,
  OptionRecorder,
  type Registration,
  type RunResult,
  recordedResources,
  recordingMocks,
  settings,
} from "./runner";
import { resolveDeep } from "./secrets";

/** The program cannot be run offline as asked: bad folder, missing stack file, unsupported call. */
export class ForeignProgramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForeignProgramError";
  }
}

export const GET_POLICY_DOCUMENT = "aws:iam/getPolicyDocument:getPolicyDocument";
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/** Invokes a foreign program may call offline. */
export const FOREIGN_INVOKES: readonly string[] = [
  INVOKES.getCallerIdentity,
  INVOKES.getRegion,
  INVOKES.getPartition,
  GET_POLICY_DOCUMENT,
];

/** Account of the stand-in ARNs of StackReference outputs: not the offline account, so never "ours". */
export const STACK_REFERENCE_ACCOUNT = "000000000000";

/** The value a StackReference output stands for: an ARN no resource of the program has. */
export function stackReferenceStandIn(stack: string, output: string): string {
  const safe = `${stack}/${output}`.replace(/[^A-Za-z0-9+=,.@_/-]/g, "-");
  return `arn:aws:iam::${STACK_REFERENCE_ACCOUNT}:role/stack-reference/${safe}`;
}

export interface ForeignRunOptions {
  /** Folder holding the program's `Pulumi.yaml`. */
  programDir: string;
  stack: string;
}

export interface ForeignRunResult extends RunResult {
  /** `name:` of the program's Pulumi.yaml. */
  project: string;
  /** `stack.output` of every StackReference output read, each answered with a stand-in ARN. */
  stackReferenceOutputs: string[];
  /** AWS resource types outside the offline backend's list, given a generic id and ARN. */
  genericTypes: string[];
}

interface Project {
  name: string;
  main: string;
  config: Record<string, unknown>;
}

function readYaml(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ForeignProgramError(`${file}: not valid YAML (${e instanceof Error ? e.message : String(e)})`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ForeignProgramError(`${file}: must be a YAML map`);
  return doc as Record<string, unknown>;
}

function readProject(programDir: string): Project {
  const file = path.join(programDir, "Pulumi.yaml");
  if (!fs.existsSync(file)) throw new ForeignProgramError(`${programDir}: no Pulumi.yaml, so not a Pulumi program`);
  const doc = readYaml(file);
  if (typeof doc.name !== "string" || doc.name === "") throw new ForeignProgramError(`${file}: has no name:`);
  const runtime =
    typeof doc.runtime === "object" && doc.runtime !== null ? (doc.runtime as { name?: unknown }).name : doc.runtime;
  if (runtime !== "nodejs")
    throw new ForeignProgramError(
      `${file}: runtime is ${JSON.stringify(runtime)}; only nodejs (TypeScript) programs can be checked`,
    );
  const main = path.resolve(programDir, typeof doc.main === "string" ? doc.main : ".");
  const config = typeof doc.config === "object" && doc.config !== null ? (doc.config as Record<string, unknown>) : {};
  return { name: doc.name, main, config };
}

/** The engine's form of a config value: strings as they are, anything else as JSON. */
function engineValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Project defaults (`{ value }`, `{ default }` or a plain value), then the stack file; `secure:` as a placeholder secret. */
function programConfig(
  project: Project,
  programDir: string,
  stack: string,
): { config: Record<string, string>; secretKeys: string[] } {
  const file = path.join(programDir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    const known = stackNames(fs.readdirSync(programDir));
    throw new ForeignProgramError(
      `${file}: no such stack file; ${known.length ? `the stacks there are: ${known.join(", ")}` : "there are no Pulumi.<stack>.yaml files there"}`,
    );
  }
  const stackDoc = readYaml(file);
  const stackConfig =
    typeof stackDoc.config === "object" && stackDoc.config !== null ? (stackDoc.config as Record<string, unknown>) : {};
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const key = (k: string) => (k.includes(":") ? k : `${project.name}:${k}`);
  for (const [k, v] of Object.entries(project.config)) {
    const value =
      typeof v === "object" && v !== null && !Array.isArray(v)
        ? ((v as Record<string, unknown>).value ?? (v as Record<string, unknown>).default)
        : v;
    if (value !== undefined) config[key(k)] = engineValue(value);
  }
  for (const [k, v] of Object.entries(stackConfig)) {
    if (isSecureLeaf(v)) {
      config[key(k)] = OFFLINE_SECRET_PLACEHOLDER;
      secretKeys.push(key(k));
    } else config[key(k)] = engineValue(v);
  }
  return { config, secretKeys };
}

function digest(s: string, n: number): string {
  return createHash("sha256").update(s).digest("hex").slice(0, n);
}

/** The offline backend, plus stand-ins for StackReferences, other AWS types and getPolicyDocument. */
function foreignBackend(region: string, genericTypes: Set<string>): ResourceBackend {
  const base = offlineBackend(region);
  return {
    async newResource(args) {
      if (args.type === STACK_REFERENCE_TYPE) {
        const name = String((args.inputs as Record<string, unknown>).name ?? args.name);
        return { id: name, state: { name, outputs: {}, secretOutputNames: [] } };
      }
      if (OFFLINE_TYPES.includes(args.type)) return base.newResource(args);
      // Rules read inputs, so any AWS resource can stand in with a generic id and ARN.
      const m = /^aws:([a-z0-9]+)\//.exec(args.type);
      if (!m)
        throw new ForeignProgramError(
          `resource type ${args.type} (${args.name}) is not supported offline; only aws: resources and StackReference can stand in`,
        );
      genericTypes.add(args.type);
      const id = `${args.name}-${digest(`${args.type}::${args.name}`, 8)}`;
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      return { id, state: { ...inputs, arn: `arn:aws:${m[1]}:${region}:${OFFLINE_ACCOUNT}:${id}` } };
    },
    async call(args) {
      if (args.token === GET_POLICY_DOCUMENT) {
        const json = renderPolicyDocument(args.inputs as Parameters<typeof renderPolicyDocument>[0]);
        return { json, minifiedJson: json, id: digest(json, 10) };
      }
      if (FOREIGN_INVOKES.includes(args.token)) return base.call(args);
      throw new ForeignProgramError(
        `invoke ${args.token} is not supported offline (supported: ${FOREIGN_INVOKES.join(", ")}); read the value from config instead, or add a mock for it in offline/foreign-program.ts`,
      );
    },
  };
}

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };

/**
 * While the program loads, `@pulumi/*` resolves from this repository, whatever the program's own
 * node_modules hold (a fixture has none): one SDK instance, so its resources reach these mocks.
 */
function withRepoPulumi<T>(run: () => Promise<T>): Promise<T> {
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, isMain, options) {
    if (request.startsWith("@pulumi/")) return original.call(this, request, parent, isMain, { paths: [PROJECT_ROOT] });
    return original.call(this, request, parent, isMain, options);
  };
  return run().finally(() => {
    moduleInternals._resolveFilename = original;
  });
}

/** StackReference outputs as stand-in ARNs; returns the undo. */
function standInStackReferences(read: Set<string>): () => void {
  const proto = pulumi.StackReference.prototype;
  const { getOutput, requireOutput } = proto;
  const standIn = function (this: pulumi.StackReference, name: pulumi.Input<string>): pulumi.Output<unknown> {
    return pulumi.all([this.name, pulumi.output(name)]).apply(([stack, n]) => {
      read.add(`${stack}.${n}`);
      return stackReferenceStandIn(stack, n);
    });
  };
  proto.getOutput = standIn;
  proto.requireOutput = standIn;
  return () => {
    proto.getOutput = getOutput;
    proto.requireOutput = requireOutput;
  };
}

/** Forgets the program's modules, so a second run (tests) executes its top level again. */
function forgetModules(dir: string): void {
  const root = path.resolve(dir) + path.sep;
  for (const file of Object.keys(require.cache)) if (file.startsWith(root)) delete require.cache[file];
}

/** The program's outputs: its module exports, or what its exported function returns. */
async function programOutputs(mod: unknown): Promise<Record<string, unknown>> {
  const m = mod as { default?: unknown };
  const fn = typeof mod === "function" ? mod : typeof m.default === "function" ? m.default : undefined;
  if (fn) return ((await (fn as () => unknown)()) ?? {}) as Record<string, unknown>;
  return { ...(mod as Record<string, unknown>) };
}

let running = false;

/** Runs the program for a stack under mocks and records what it registers. One run at a time. */
export async function runForeignProgram(opts: ForeignRunOptions): Promise<ForeignRunResult> {
  if (running) throw new Error("runForeignProgram: a run is already in progress in this process");
  running = true;
  try {
    return await withRepoPulumi(() => run(opts));
  } finally {
    running = false;
  }
}

async function run(opts: ForeignRunOptions): Promise<ForeignRunResult> {
  const programDir = path.resolve(opts.programDir);
  if (!fs.existsSync(programDir) || !fs.statSync(programDir).isDirectory())
    throw new ForeignProgramError(`${opts.programDir}: no such folder`);
  const project = readProject(programDir);
  const { config, secretKeys } = programConfig(project, programDir, opts.stack);
  const region = config["aws:region"] ?? "us-east-1";
  const genericTypes = new Set<string>();
  const referenced = new Set<string>();
  const latch = failureLatch(opts.stack);
  const registered: Registration[] = [];
  const recorder = new OptionRecorder();

  pulumi.runtime.setAllConfig(config, secretKeys);
  process.env.PULUMI_CONFIG_PROJECT_DIR = programDir;
  await pulumi.runtime.setMocks(
    recordingMocks(foreignBackend(region, genericTypes), latch.fail, registered),
    project.name,
    opts.stack,
    false,
  );
  const undo = standInStackReferences(referenced);
  forgetModules(programDir);
  let outputs: Record<string, unknown> = {};
  let resolved: Awaited<ReturnType<typeof resolveDeep>>;
  try {
    const work = runInPulumiStack(async () => {
      registerStackTransformation(recorder.transformation);
      let entry: string;
      try {
        entry = require.resolve(project.main);
      } catch {
        throw new ForeignProgramError(`${project.main}: no program entry point (index.ts, or main: in Pulumi.yaml)`);
      }
      const pending = programOutputs(require(entry));
      recorder.programReturned = true;
      outputs = await pending;
      return outputs;
    });
    resolved = await Promise.race([work.then(() => resolveDeep(outputs)), latch.failed]);
    await Promise.race([settings.waitForRPCs(), latch.failed]);
  } catch (e) {
    if (latch.hasFailed()) debuggable.leakedPromises();
    throw e;
  } finally {
    undo();
  }
  return {
    stack: opts.stack,
    project: project.name,
    resources: recordedResources(opts.stack, registered, recorder.options, project.name),
    outputs: resolved.value as Record<string, unknown>,
    secretOutputPaths: resolved.secretPaths,
    createdLate: recorder.createdLate,
    stackReferenceOutputs: [...referenced].sort(),
    genericTypes: [...genericTypes].sort(),
  };
}
