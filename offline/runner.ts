import * as pulumi from "@pulumi/pulumi";
import { registerStackTransformation, runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { ConfigError } from "../config/errors";
import { resolveRegion } from "../config/region";
import { engineConfigFromFiles, PROJECT, readStackFiles, stacksIn } from "../config/stack-file";
import type { ProgramOptions } from "../program";
import { PROJECT_ROOT } from "../util/project-root";
import { offlineBackend, type ResourceBackend } from "./backend";
import { qualifiedType, type RecordedResource, resourceKey } from "./recorded-resource";
import { STACK_TYPE } from "./resource-types";
import { resolveDeep, revealWireSecrets } from "./secrets";
import { withoutStackCaptures } from "./stack-captures";

export interface RunOptions {
  /** Stack name; its `Pulumi.<stack>.yaml` is loaded as config. */
  stack: string;
  /** Directory holding `Pulumi.yaml` and `Pulumi.<stack>.yaml` (tests use fixture dirs). @default the project root */
  stackDir?: string;
  /** Who creates resources and answers invokes. @default the offline backend */
  backend?: ResourceBackend;
  /** Run as `pulumi preview` (true) or `pulumi up` (false). @default false */
  preview?: boolean;
  /** Extra or overriding engine config (`namespace:key` -> string), applied over the files. */
  configOverrides?: Record<string, string>;
  /** Build this model instead of the one the stack's config loads to. @default load the config */
  model?: ProgramOptions["model"];
  /** Run this entry point instead of program.ts (what `pulumi up` loads, in its test). @default program.ts */
  entry?: Program;
}

export interface RunResult {
  stack: string;
  resources: RecordedResource[];
  /** Stack outputs with secrets revealed; `secretOutputPaths` says which were secret. */
  outputs: Record<string, unknown>;
  secretOutputPaths: string[];
  /**
   * `type::name` of resources constructed after the program returned, i.e. inside an `apply` or a
   * promise callback. Such resources are invisible to previews until their inputs are known.
   */
  createdLate: string[];
}

/** The program's entry point: returns the stack outputs. */
type Program = (options?: ProgramOptions) => Promise<Record<string, unknown>>;

interface OptionRecord {
  parent?: string;
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  dependsOn: string[];
  provider?: string;
}

/** `waitForRPCs` is internal to the SDK but is how `pulumi` itself knows a program has finished registering. */
export const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
/** Internal too: forgets the promises a failed run left pending, which would otherwise fail the process at exit. */
export const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  leakedPromises(): [Set<Promise<unknown>>, string];
};

let running = false;

/**
 * Runs the real program for a stack under Pulumi's mocks, with the stack file loaded as config,
 * and records every resource with its inputs and options. One run at a time per process.
 */
export async function runProgram(opts: RunOptions): Promise<RunResult> {
  if (running) throw new Error("runProgram: a run is already in progress in this process");
  running = true;
  try {
    return await withoutStackCaptures(() => run(opts));
  } finally {
    running = false;
  }
}

/** The engine config a run starts from: the stack files, then the overrides. */
function runConfig(opts: RunOptions, stackDir: string): { config: Record<string, string>; secretKeys: string[] } {
  const files = readStackFiles(opts.stack, stackDir);
  if (!files.exists) {
    const known = stacksIn(stackDir);
    throw new ConfigError(opts.stack, [
      {
        path: "",
        key: files.stackFile,
        value: undefined,
        rule: `no such stack file in ${stackDir}; ${known.length ? `the stacks here are: ${known.join(", ")}` : "there are no Pulumi.<stack>.yaml files here"}`,
      },
    ]);
  }
  const { config, secretKeys } = engineConfigFromFiles(files);
  return { config: { ...config, ...opts.configOverrides }, secretKeys };
}

/** A failed registration can leave outputs that never resolve, so the first failure ends the run. */
export function failureLatch(stack: string) {
  let hasFailed = false;
  let reject: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, r) => {
    reject = r;
  });
  failed.catch(() => undefined);
  return {
    failed,
    hasFailed: () => hasFailed,
    fail(e: unknown): void {
      hasFailed = true;
      reject(new Error(`offline run of stack ${stack} failed: ${e instanceof Error ? e.message : String(e)}`));
    },
  };
}

export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  inputs: Record<string, unknown>;
  secretPaths: string[];
  id?: string;
  state: Record<string, unknown>;
}

/** Mocks that hand every registration and invoke to the backend, recording what was registered. */
export function recordingMocks(backend: ResourceBackend, fail: (e: unknown) => void, registered: Registration[]) {
  const guarded =
    <A, R>(f: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      try {
        return await f(args);
      } catch (e) {
        fail(e);
        throw e;
      }
    };
  return {
    newResource: guarded(async (args: pulumi.runtime.MockResourceArgs) => {
      const revealed = revealWireSecrets(args.inputs ?? {});
      const inputs = revealed.value as Record<string, unknown>;
      const created = args.custom ? await backend.newResource({ ...args, inputs }) : { id: undefined, state: {} };
      registered.push({
        type: args.type,
        name: args.name,
        custom: args.custom === true,
        inputs,
        secretPaths: revealed.secretPaths,
        ...created,
      });
      return created;
    }),
    call: guarded((args: pulumi.runtime.MockCallArgs) => backend.call(args)),
  };
}

/** Records each resource's options as the engine sees them, keyed by `type::name`. */
export class OptionRecorder {
  readonly options = new Map<string, OptionRecord>();
  readonly createdLate: string[] = [];
  programReturned = false;
  private readonly names = new WeakMap<pulumi.Resource, string>();

  readonly transformation = (args: pulumi.ResourceTransformationArgs): undefined => {
    const key = resourceKey(args);
    this.names.set(args.resource, key);
    if (this.programReturned) this.createdLate.push(key);
    const o = args.opts;
    const deps = Array.isArray(o.dependsOn) ? o.dependsOn : o.dependsOn ? [o.dependsOn] : [];
    this.options.set(key, {
      parent: o.parent ? this.names.get(o.parent) : undefined,
      protect: o.protect === true,
      retainOnDelete: o.retainOnDelete === true,
      deleteBeforeReplace: "deleteBeforeReplace" in o && o.deleteBeforeReplace === true,
      ignoreChanges: [...(o.ignoreChanges ?? [])],
      dependsOn: deps.flatMap((d) => {
        const name = pulumi.Resource.isInstance(d) ? this.names.get(d) : undefined;
        return name ? [name] : [];
      }),
      provider: "provider" in o && o.provider ? this.names.get(o.provider) : undefined,
    });
    return undefined;
  };
}

/** What the run recorded, in the shape plans and policies read, with URNs as the engine mints them. */
export function recordedResources(
  stack: string,
  registered: Registration[],
  options: Map<string, OptionRecord>,
  project: string = PROJECT,
): RecordedResource[] {
  const parentOf = (key: string): string | undefined => options.get(key)?.parent;
  return registered
    .filter((r) => r.type !== STACK_TYPE)
    .map((r) => {
      const key = resourceKey(r);
      const o = options.get(key);
      return {
        type: r.type,
        name: r.name,
        urn: `urn:pulumi:${stack}::${project}::${qualifiedType(key, r.type, parentOf)}::${r.name}`,
        parent: o?.parent,
        custom: r.custom,
        inputs: r.inputs,
        secretPaths: r.secretPaths,
        id: r.id,
        state: r.state,
        protect: o?.protect ?? false,
        retainOnDelete: o?.retainOnDelete ?? false,
        deleteBeforeReplace: o?.deleteBeforeReplace ?? false,
        ignoreChanges: o?.ignoreChanges ?? [],
        dependsOn: o?.dependsOn ?? [],
        provider: o?.provider,
      };
    });
}

async function run(opts: RunOptions): Promise<RunResult> {
  const stackDir = opts.stackDir ?? PROJECT_ROOT;
  const { config, secretKeys } = runConfig(opts, stackDir);
  // The backend mints ids with some region; a run without one fails at config load anyway.
  const backend = opts.backend ?? offlineBackend(resolveRegion(config, process.env) ?? "us-east-1");
  const latch = failureLatch(opts.stack);
  const registered: Registration[] = [];
  const recorder = new OptionRecorder();

  pulumi.runtime.setAllConfig(config, secretKeys);
  process.env.PULUMI_CONFIG_PROJECT_DIR = stackDir;
  await pulumi.runtime.setMocks(
    recordingMocks(backend, latch.fail, registered),
    PROJECT,
    opts.stack,
    opts.preview ?? false,
  );

  let outputs: Record<string, unknown> = {};
  const work = runInPulumiStack(async () => {
    registerStackTransformation(recorder.transformation);
    // Required on the first run rather than imported: the program reads its config when called, so
    // one cached module serves every run.
    const entry = opts.entry ?? (require("../program") as { program: Program }).program;
    // Nothing real is deployed, so the committed placeholders may stand.
    const pending = entry({ allowPlaceholders: true, model: opts.model });
    recorder.programReturned = true;
    outputs = await pending;
    return outputs;
  });
  let resolved: Awaited<ReturnType<typeof resolveDeep>>;
  try {
    resolved = await Promise.race([work.then(() => resolveDeep(outputs)), latch.failed]);
    // Resources whose outputs no stack output awaited may still be registering.
    await Promise.race([settings.waitForRPCs(), latch.failed]);
  } catch (e) {
    if (latch.hasFailed()) debuggable.leakedPromises();
    throw e;
  }
  return {
    stack: opts.stack,
    resources: recordedResources(opts.stack, registered, recorder.options),
    outputs: resolved.value as Record<string, unknown>,
    secretOutputPaths: resolved.secretPaths,
    createdLate: recorder.createdLate,
  };
}
