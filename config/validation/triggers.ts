import type { RuleSet } from "./context";

/** Trigger ARNs must be in the pool's region; custom senders need a KMS key. */
export const triggerRules: RuleSet = (cfg, ctx, issues) => {
  const t = cfg.triggers;
  for (const [name, arn] of Object.entries(t)) {
    if (name === "preTokenGenerationVersion" || name === "kmsKeyId" || typeof arn !== "string") continue;
    const region = arn.split(":")[3];
    if (region !== ctx.region)
      issues.add(`triggers.${name}`, arn, `Cognito invokes only functions in the pool's region (${ctx.region})`);
  }
  if ((t.customEmailSender || t.customSmsSender) && !t.kmsKeyId)
    issues.add("triggers.kmsKeyId", undefined, "customEmailSender and customSmsSender need a KMS key");
  if (t.preTokenGenerationVersion && !t.preTokenGeneration)
    issues.add(
      "triggers.preTokenGenerationVersion",
      t.preTokenGenerationVersion,
      "set only with triggers.preTokenGeneration",
    );
  if (t.preTokenGenerationVersion && t.preTokenGenerationVersion !== "V1_0" && cfg.pool.userPoolTier === "LITE") {
    issues.add(
      "triggers.preTokenGenerationVersion",
      t.preTokenGenerationVersion,
      "access-token customisation (V2_0/V3_0) needs userPoolTier ESSENTIALS or PLUS",
    );
  }
};
