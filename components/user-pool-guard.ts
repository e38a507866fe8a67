import type * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { PoolConfig } from "../config/schema/pool";
import { customSchema } from "./user-pool-attributes";

/**
 * Settings that Cognito fixes when the pool is created. Changing one replaces the pool (a new pool
 * id, every user gone) or fails the update halfway ("cannot modify or remove schema items").
 */
export function immutableSignInSettings(pool: PoolConfig): Record<string, string> {
  return {
    name: pool.name ?? "",
    usernameAttributes: JSON.stringify(pool.usernameAttributes ?? []),
    aliasAttributes: JSON.stringify(pool.aliasAttributes ?? []),
    caseSensitive: String(pool.usernameConfiguration.caseSensitive),
    requiredStandardAttributes: JSON.stringify([...pool.requiredStandardAttributes].sort()),
  };
}

/**
 * Protected marker resources whose `keepers` are the pool's fixed settings: one for the sign-in
 * settings and one per custom attribute. Changing a fixed setting would replace its marker, and
 * removing an attribute would delete one; Pulumi refuses both for a protected resource, so the
 * mistake stops at `pulumi preview` instead of wiping the pool. Adding an attribute adds a marker.
 */
export function createReplacementGuards(name: string, pool: PoolConfig, parent: pulumi.Resource): random.RandomId[] {
  const opts = { parent, protect: pool.replacementGuard };
  const guards = [
    new random.RandomId(
      `${name}-guard-sign-in-settings`,
      { byteLength: 4, keepers: immutableSignInSettings(pool) },
      opts,
    ),
  ];
  for (const attr of pool.schemas) {
    guards.push(
      new random.RandomId(
        `${name}-guard-custom-attribute-${attr.name}`,
        {
          byteLength: 4,
          keepers: { definition: JSON.stringify(customSchema(attr)) },
        },
        opts,
      ),
    );
  }
  return guards;
}
