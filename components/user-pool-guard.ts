import type * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { PoolModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";
import { customSchema } from "./user-pool-attributes";

/**
 * Settings that Cognito fixes when the pool is created. Changing one replaces the pool (a new pool
 * id, every user gone) or fails the update halfway ("cannot modify or remove schema items").
 */
export function immutableSignInSettings(pool: PoolModel): Record<string, string> {
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
export function createReplacementGuards(
  name: string,
  pool: PoolModel,
  parent: pulumi.Resource,
  transform?: Transform<random.RandomIdArgs>,
): random.RandomId[] {
  const guard = (guardName: string, keepers: Record<string, string>): random.RandomId =>
    new random.RandomId(
      ...applyTransform(transform, guardName, { byteLength: 4, keepers }, { parent, protect: pool.replacementGuard }),
    );
  return [
    guard(`${name}-guard-sign-in-settings`, immutableSignInSettings(pool)),
    ...pool.schemas.map((attr) =>
      guard(`${name}-guard-custom-attribute-${attr.name}`, { definition: JSON.stringify(customSchema(attr)) }),
    ),
  ];
}
