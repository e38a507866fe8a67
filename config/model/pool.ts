import type { Environment } from "../presets";
import type { PoolConfig } from "../schema/pool";
import type { TriggersConfig } from "../schema/triggers";

/** The triggers of a custom authentication (challenge) flow; they only work together. */
export const CHALLENGE_TRIGGERS = [
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
] as const;

/** Whether the pool runs a custom authentication flow. */
export function hasChallengeTriggers(t: TriggersConfig): boolean {
  return CHALLENGE_TRIGGERS.every((k) => t[k] !== undefined) || t.functions?.customChallenge !== undefined;
}

/**
 * The pool's settings with the defaults that depend on other keys: in prod, threat protection that
 * is on for password sign-ins also covers custom-auth sign-ins (customAuthMode ENFORCED), unless
 * the stack chose a mode; otherwise custom challenges would bypass it.
 */
export function resolvePool(p: PoolConfig, triggers: TriggersConfig, environment: Environment): PoolConfig {
  const addOns = p.userPoolAddOns;
  const enforceCustomAuth =
    environment === "prod" &&
    addOns.advancedSecurityMode !== "OFF" &&
    addOns.advancedSecurityAdditionalFlows === undefined &&
    hasChallengeTriggers(triggers);
  if (!enforceCustomAuth) return p;
  return { ...p, userPoolAddOns: { ...addOns, advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } } };
}
