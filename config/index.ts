import * as pulumi from "@pulumi/pulumi";
import { loadConfig } from "./load";
import type { StackModel } from "./model";
import { readStackFiles } from "./stack-file";

export { ConfigError } from "./errors";
export type { StackModel } from "./model";

export interface LoadOptions {
  /** Accept the committed placeholder values (offline runs only: nothing real is deployed). @default false */
  allowPlaceholders?: boolean;
}

/** `isConfigSecret` is internal to the SDK; it is how the engine says a key was set with --secret. */
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(k: string): boolean };

/**
 * Reads the running stack's config (from the engine, and the stack file beside the program for
 * leaf-level secret markers), validates all of it and returns the resolved model. Throws ConfigError
 * before any resource exists.
 */
export function loadStackConfig(options: LoadOptions = {}): StackModel {
  const stack = pulumi.getStack();
  const engineConfig = pulumi.runtime.allConfig();
  const secretKeys = Object.keys(engineConfig).filter((k) => runtimeConfig.isConfigSecret(k));
  const projectDir = process.env.PULUMI_CONFIG_PROJECT_DIR ?? process.cwd();
  const files = readStackFiles(stack, projectDir);
  return loadConfig({ stack, engineConfig, secretKeys, files, allowPlaceholders: options.allowPlaceholders === true });
}
