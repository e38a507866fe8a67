import * as pulumi from "@pulumi/pulumi";
import { type LoadedConfig, loadConfig } from "./load";
import { readStackFiles } from "./stack-file";

export { ConfigError } from "./errors";
export type { LoadedConfig } from "./load";
export type { StackConfig } from "./schema";

/** Set by the offline runner: nothing real is deployed, so the committed placeholders may stand. */
export const OFFLINE_ENV = "COGNITO_AUTH_OFFLINE";

/** `isConfigSecret` is internal to the SDK; it is how the engine says a key was set with --secret. */
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(k: string): boolean };

/**
 * Reads the running stack's config (from the engine, and the stack file beside the program for
 * leaf-level secret markers) and validates all of it. Throws ConfigError before any resource exists.
 */
export function loadStackConfig(): LoadedConfig {
  const stack = pulumi.getStack();
  const engineConfig = pulumi.runtime.allConfig();
  const secretKeys = Object.keys(engineConfig).filter((k) => runtimeConfig.isConfigSecret(k));
  const projectDir = process.env.PULUMI_CONFIG_PROJECT_DIR ?? process.cwd();
  const allowPlaceholders = process.env[OFFLINE_ENV] === "1";
  return loadConfig({ stack, engineConfig, secretKeys, files: readStackFiles(stack, projectDir), allowPlaceholders });
}
