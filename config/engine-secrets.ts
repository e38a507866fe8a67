import * as pulumi from "@pulumi/pulumi";

/**
 * `isConfigSecret` is internal to the SDK (no public API says which config keys the engine holds
 * as secrets), so it is reached here alone and pinned by tests/unit/config/engine-secrets.test.ts,
 * which fails if an SDK upgrade moves or changes it.
 */
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: (k: string) => boolean };

/** The engine's config keys (`namespace:key`) that were set as secrets (`--secret`, ESC `fn::secret`). */
export function engineSecretKeys(): string[] {
  const isSecret = runtimeConfig.isConfigSecret;
  if (typeof isSecret !== "function")
    throw new Error("@pulumi/pulumi no longer exports runtime/config isConfigSecret; update config/engine-secrets.ts");
  return Object.keys(pulumi.runtime.allConfig()).filter((k) => isSecret(k));
}
