import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { registerStackTransformation, runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { OFFLINE_ENV } from "../config";
import { engineConfigFromFiles, PROJECT, readStackFiles } from "../config/stack-file";
import { PROJECT_ROOT } from "../util/project-root";
import { offlineBackend, type ResourceBackend } from "./backend";
import { type RecordedResource, resourceKey } from "./recorded-resource";
import { resolveDeep, revealWireSecrets } from "./secrets";

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
type Program = () => Promise<Record<string, unknown>>;

interface OptionRecord {
  parent?: string;
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  dependsOn: string[];
  provider?: string;
}

/** `waitForRPCs` is internal to the SDK but is how `pulumi` itself knows a program has finished registering. */
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
/** Internal too: forgets the promises a failed run left pending, which would otherwise fail the process at exit. */
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
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
    return await run(opts);
  } finally {
    running = false;
  }
}

async function run(opts: RunOptions): Promise<RunResult> {
  const stackDir = opts.stackDir ?? PROJECT_ROOT;
  const files = readStackFiles(opts.stack, stackDir);
  if (!files.exists) throw new Error(`no stack file ${files.stackFile} in ${stackDir}`);
  const { config, secretKeys } = engineConfigFromFiles(files);
  Object.assign(config, opts.configOverrides ?? {});
  const region = config["aws:region"] ?? "us-east-1";
  const backend = opts.backend ?? offlineBackend(region);

  const names = new WeakMap<pulumi.Resource, string>();
  const options = new Map<string, OptionRecord>();
  // A failed registration can leave outputs that never resolve, so the first failure ends the run.
  let hasFailed = false;
  let failRun: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    failRun = reject;
  });
  failed.catch(() => undefined);
  const fail = (e: unknown): void => {
    hasFailed = true;
    failRun(new Error(`offline run of stack ${opts.stack} failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  const registered: Array<{
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, unknown>;
    secretPaths: string[];
    id?: string;
    state: Record<string, unknown>;
  }> = [];

  pulumi.runtime.setAllConfig(config, secretKeys);
  process.env.PULUMI_CONFIG_PROJECT_DIR = stackDir;
  process.env[OFFLINE_ENV] = "1";
  await pulumi.runtime.setMocks(
    {
      async newResource(args) {
        try {
          return await record(args);
        } catch (e) {
          fail(e);
          throw e;
        }
      },
      async call(args) {
        try {
          return await backend.call(args);
        } catch (e) {
          fail(e);
          throw e;
        }
      },
    },
    PROJECT,
    opts.stack,
    opts.preview ?? false,
  );

  async function record(
    args: pulumi.runtime.MockResourceArgs,
  ): Promise<{ id: string | undefined; state: Record<string, unknown> }> {
    const revealed = revealWireSecrets(args.inputs ?? {});
    const inputs = revealed.value as Record<string, unknown>;
    if (!args.custom) {
      registered.push({
        type: args.type,
        name: args.name,
        custom: false,
        inputs,
        secretPaths: revealed.secretPaths,
        state: {},
      });
      return { id: undefined, state: {} };
    }
    const created = await backend.newResource({ ...args, inputs });
    registered.push({
      type: args.type,
      name: args.name,
      custom: true,
      inputs,
      secretPaths: revealed.secretPaths,
      id: created.id,
      state: created.state,
    });
    return created;
  }

  // The program reads its config when called, so one cached module serves every run.
  const programPath = require.resolve(path.join(PROJECT_ROOT, "program"));
  let outputs: Record<string, unknown> = {};
  let programReturned = false;
  const createdLate: string[] = [];
  const work = runInPulumiStack(async () => {
    registerStackTransformation((args) => {
      const key = resourceKey(args);
      names.set(args.resource, key);
      if (programReturned) createdLate.push(key);
      const o = args.opts;
      const deps = Array.isArray(o.dependsOn) ? o.dependsOn : o.dependsOn ? [o.dependsOn] : [];
      options.set(key, {
        parent: o.parent ? names.get(o.parent) : undefined,
        protect: o.protect === true,
        retainOnDelete: o.retainOnDelete === true,
        deleteBeforeReplace: "deleteBeforeReplace" in o && o.deleteBeforeReplace === true,
        dependsOn: deps.flatMap((d) => (pulumi.Resource.isInstance(d) && names.get(d) ? [names.get(d) as string] : [])),
        provider: "provider" in o && o.provider ? names.get(o.provider) : undefined,
      });
      return undefined;
    });
    const mod = require(programPath) as { program: Program };
    const pending = mod.program();
    programReturned = true;
    outputs = await pending;
    return outputs;
  });
  let resolved: Awaited<ReturnType<typeof resolveDeep>>;
  try {
    resolved = await Promise.race([work.then(() => resolveDeep(outputs)), failed]);
    // Resources whose outputs no stack output awaited may still be registering.
    await Promise.race([settings.waitForRPCs(), failed]);
  } catch (e) {
    if (hasFailed) debuggable.leakedPromises();
    throw e;
  }

  // As the engine mints it: the type is qualified by the parent chain (the stack itself excluded).
  const qualifiedType = (key: string, type: string): string => {
    const parent = options.get(key)?.parent;
    return parent ? `${qualifiedType(parent, parent.split("::")[0])}$${type}` : type;
  };
  const resources: RecordedResource[] = registered
    .filter((r) => r.type !== "pulumi:pulumi:Stack")
    .map((r) => {
      const key = resourceKey(r);
      const o = options.get(key);
      return {
        type: r.type,
        name: r.name,
        urn: `urn:pulumi:${opts.stack}::${PROJECT}::${qualifiedType(key, r.type)}::${r.name}`,
        parent: o?.parent,
        custom: r.custom,
        inputs: r.inputs,
        secretPaths: r.secretPaths,
        id: r.id,
        state: r.state,
        protect: o?.protect ?? false,
        retainOnDelete: o?.retainOnDelete ?? false,
        deleteBeforeReplace: o?.deleteBeforeReplace ?? false,
        dependsOn: o?.dependsOn ?? [],
        provider: o?.provider,
      };
    });
  return {
    stack: opts.stack,
    resources,
    outputs: resolved.value as Record<string, unknown>,
    secretOutputPaths: resolved.secretPaths,
    createdLate,
  };
}
