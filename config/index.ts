import * as pulumi from "@pulumi/pulumi";
import { engineSecretKeys } from "./engine-secrets";
import { loadConfig } from "./load";
import type { StackModel } from "./model";
import { readStackFiles } from "./stack-file";

export { ConfigError } from "./errors";
export type { StackModel } from "./model";

export interface LoadOptions {
  /** Accept the committed placeholder values (offline runs only: nothing real is deployed). @default false */
  allowPlaceholders?: boolean;
}

/**
 * Reads the running stack's config (from the engine, and the stack file beside the program for
 * leaf-level secret markers), validates all of it and returns the resolved model. Throws ConfigError
 * before any resource exists.
 */
export function loadStackConfig(options: LoadOptions = {}): StackModel {
  const stack = pulumi.getStack();
  const engineConfig = pulumi.runtime.allConfig();
  const secretKeys = engineSecretKeys();
  const projectDir = process.env.PULUMI_CONFIG_PROJECT_DIR ?? process.cwd();
  const files = readStackFiles(stack, projectDir);
  return loadConfig({
    stack,
    engineConfig,
    secretKeys,
    files,
    allowPlaceholders: options.allowPlaceholders === true,
    env: process.env,
  });
}
