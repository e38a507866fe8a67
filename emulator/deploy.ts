/**
 * Deploys a stack into the emulator: the real program runs under the offline runner with the
 * emulator backend, so every pool, client, group, user, role and identity pool is created in moto
 * and the stack outputs carry the emulator's ids, ARNs and secrets.
 */

import { engineConfigFromFiles, readStackFiles } from "../config/stack-file";
import type { RecordedResource } from "../offline/recorded-resource";
import { runProgram } from "../offline/runner";
import type { StackOutputs } from "../outputs/stack-outputs";
import { parseStackOutputs } from "../outputs/stack-outputs-schema";
import { PROJECT_ROOT } from "../util/project-root";
import { type EmulatedResource, emulatorBackend, type NotEmulatedResource } from "./backend";
import { EMULATOR_REGION } from "./moto-server";

export interface DeployOptions {
  stack: string;
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Directory with Pulumi.yaml and the stack file. @default the project root */
  stackDir?: string;
}

export interface DeployResult {
  stack: string;
  outputs: StackOutputs;
  /** Dotted paths of outputs that are Pulumi secrets. */
  secretOutputPaths: string[];
  resources: RecordedResource[];
  emulated: EmulatedResource[];
  notEmulated: NotEmulatedResource[];
  /** Set when the stack's own region is not the emulator's (it is hosted in us-east-1 anyway). */
  regionNote?: string;
}

/** The stack's configured region, read from its stack file. */
function stackRegion(stack: string, stackDir: string | undefined): string | undefined {
  const files = readStackFiles(stack, stackDir ?? PROJECT_ROOT);
  return files.exists ? engineConfigFromFiles(files).config["aws:region"] : undefined;
}

export async function deployToEmulator(opts: DeployOptions): Promise<DeployResult> {
  const region = stackRegion(opts.stack, opts.stackDir) ?? EMULATOR_REGION;
  // moto answers unsigned calls (sign-in, GlobalSignOut ...) from us-east-1 only.
  const overrides: Record<string, string> = region === EMULATOR_REGION ? {} : { "aws:region": EMULATOR_REGION };
  const backend = emulatorBackend({ endpoint: opts.endpoint, region: EMULATOR_REGION });
  const run = await runProgram({ stack: opts.stack, stackDir: opts.stackDir, backend, configOverrides: overrides });
  return {
    stack: opts.stack,
    outputs: parseStackOutputs(run.outputs, `the emulator deploy of stack ${opts.stack}`),
    secretOutputPaths: run.secretOutputPaths,
    resources: run.resources,
    emulated: backend.emulated,
    notEmulated: backend.notEmulated,
    regionNote:
      region === EMULATOR_REGION
        ? undefined
        : `stack ${opts.stack} is configured for ${region}; the emulator hosts it in ${EMULATOR_REGION}`,
  };
}
