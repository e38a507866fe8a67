/**
 * The stack's AWS region: `aws:region` from config, else `AWS_REGION`, else `AWS_DEFAULT_REGION`
 * from the environment (the provider's order; a region set only in a shared AWS config profile is
 * not read here, so set `aws:region` for such a stack). Undefined when none is set, which
 * config/load.ts reports; a guessed region would build the SMS role's trust, the identity pool's
 * provider name and the issuer for the wrong region.
 */
export function resolveRegion(
  engineConfig: Record<string, string>,
  env: Record<string, string | undefined>,
): string | undefined {
  const pick = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);
  return pick(engineConfig["aws:region"]) ?? pick(env.AWS_REGION) ?? pick(env.AWS_DEFAULT_REGION);
}
