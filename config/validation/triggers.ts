import { CHALLENGE_TRIGGERS } from "../model/pool";
import { joinPath } from "../paths";
import type { RuleSet } from "./context";

/** Trigger ARNs must be in the pool's region; custom senders need a KMS key; custom auth needs all its parts. */
export const triggerRules: RuleSet = (cfg, ctx, issues) => {
  const t = cfg.triggers;
  for (const [name, arn] of Object.entries(t)) {
    if (name === "preTokenGenerationVersion" || name === "kmsKeyId" || typeof arn !== "string") continue;
    const region = arn.split(":")[3];
    if (ctx.region && region !== ctx.region)
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
  const challenge = CHALLENGE_TRIGGERS.filter((k) => t[k] !== undefined);
  if (challenge.length > 0 && challenge.length < CHALLENGE_TRIGGERS.length) {
    for (const k of CHALLENGE_TRIGGERS.filter((x) => t[x] === undefined))
      issues.add(
        `triggers.${k}`,
        undefined,
        `custom authentication needs all three challenge triggers (${CHALLENGE_TRIGGERS.join(", ")}); ${challenge.join(", ")} is set`,
      );
  }
  const customAuthClients = Object.entries(cfg.clients).filter(([, c]) =>
    (c.explicitAuthFlows ?? []).includes("ALLOW_CUSTOM_AUTH"),
  );
  if (challenge.length > 0 && customAuthClients.length === 0) {
    issues.add(
      `triggers.${challenge[0]}`,
      t[challenge[0]],
      "challenge triggers run only for clients that allow custom authentication: add ALLOW_CUSTOM_AUTH to some client's explicitAuthFlows",
    );
  }
  if (challenge.length === 0 && !t.functions?.customChallenge) {
    for (const [key, c] of customAuthClients)
      issues.add(
        joinPath(["clients", key, "explicitAuthFlows"]),
        c.explicitAuthFlows,
        "ALLOW_CUSTOM_AUTH needs the challenge triggers (triggers.defineAuthChallenge, createAuthChallenge, verifyAuthChallengeResponse)",
      );
  }
};
