import { joinPath } from "../paths";
import { TRIGGER_NAMES } from "../schema/triggers";
import type { RuleSet } from "./context";
import { builtTriggers } from "./trigger-functions";

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const KMS_KEY_ARN = /^arn:aws[\w-]*:kms:([a-z0-9-]+):(\d{12}):key\/([\w-]+)$/;
const MRK_ID = /^mrk-[0-9a-f]{32}$/;
const SES_IDENTITY_ARN = /^arn:aws[\w-]*:ses:([a-z0-9-]+):\d{12}:identity\/.+$/;

/**
 * Multi-Region replication (developer guide, "Multi-Region replication for user pools"): ESSENTIALS
 * or PLUS, one secondary replica in another region, a customer-managed multi-Region key, and per
 * region what the primary's settings cannot provide there (SES identity, triggers).
 */
export const replicationRules: RuleSet = (cfg, ctx, issues) => {
  const r = cfg.replication;
  if (!r) return;
  const tier = cfg.pool.userPoolTier;
  if (tier === "LITE")
    issues.add(
      "replication",
      r.regions,
      "multi-Region replication needs pool.userPoolTier ESSENTIALS or PLUS; this pool is LITE",
    );
  if (r.regions.length > 1)
    issues.add("replication.regions", r.regions, "Cognito allows one secondary replica per user pool: list one region");
  const seen = new Set<string>();
  r.regions.forEach((region, i) => {
    const at = `replication.regions[${i}]`;
    if (!REGION.test(region)) issues.add(at, region, "must be an AWS region name such as us-west-2");
    else if (ctx.region && region === ctx.region)
      issues.add(at, region, `is the pool's own region (${ctx.region}); a replica must be in another region`);
    if (seen.has(region)) issues.add(at, region, "is listed twice");
    seen.add(region);
  });

  const key = r.kmsKey;
  if (key && "arn" in key) {
    const m = KMS_KEY_ARN.exec(key.arn);
    if (!m)
      issues.add(
        "replication.kmsKey.arn",
        key.arn,
        "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/mrk-...)",
      );
    else {
      if (!MRK_ID.test(m[3]))
        issues.add(
          "replication.kmsKey.arn",
          key.arn,
          "must be a multi-Region key (its id starts with mrk-); a single-Region key cannot encrypt a replicated pool",
        );
      if (ctx.region && m[1] !== ctx.region)
        issues.add(
          "replication.kmsKey.arn",
          key.arn,
          `must be the key in the pool's region (${ctx.region}); replicate it to ${r.regions.join(", ")} with aws kms replicate-key`,
        );
    }
  }

  const developer = cfg.messaging.email.emailSendingAccount === "DEVELOPER";
  for (const region of Object.keys(r.regional ?? {})) {
    if (!r.regions.includes(region))
      issues.add(joinPath(["replication", "regional", region]), region, "is not one of replication.regions");
  }
  for (const region of r.regions) {
    const regional = r.regional?.[region];
    const at = (...k: string[]) => joinPath(["replication", "regional", region, ...k]);
    const src = regional?.emailSourceArn;
    if (developer && !src)
      issues.add(
        at("emailSourceArn"),
        undefined,
        `DEVELOPER email needs an SES identity verified in ${region}: Cognito sends from the replica's region during failover`,
      );
    if (!developer && src)
      issues.add(at("emailSourceArn"), src, "only used with messaging.email.emailSendingAccount DEVELOPER");
    if (src) {
      const m = SES_IDENTITY_ARN.exec(src);
      if (!m)
        issues.add(
          at("emailSourceArn"),
          src,
          "must be an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<domain>)",
        );
      else if (m[1] !== region) issues.add(at("emailSourceArn"), src, `must be an SES identity in ${region}`);
    }
    const t = regional?.triggers ?? {};
    const built = builtTriggers(cfg.triggers.functions);
    for (const name of TRIGGER_NAMES) {
      const arn = t[name];
      if (arn !== undefined && arn.split(":")[3] !== region)
        issues.add(at("triggers", name), arn, `Cognito invokes only functions in the replica's region (${region})`);
      if (cfg.triggers[name] !== undefined && arn === undefined)
        issues.add(
          at("triggers", name),
          undefined,
          `the pool runs triggers.${name}; without one in ${region} the replica would skip it during failover`,
        );
      else if (built.has(name) && arn === undefined)
        issues.add(
          at("triggers", name),
          undefined,
          `the pool runs triggers.functions.${built.get(name)}, which is built in the pool's region only; give ${region} a function by ARN or the replica would skip it during failover`,
        );
    }
    if ((t.customEmailSender || t.customSmsSender) && !t.kmsKeyId)
      issues.add(
        at("triggers", "kmsKeyId"),
        undefined,
        "customEmailSender and customSmsSender need a KMS key in this region",
      );
    if (t.preTokenGenerationVersion && !t.preTokenGeneration)
      issues.add(
        at("triggers", "preTokenGenerationVersion"),
        t.preTokenGenerationVersion,
        "set only with preTokenGeneration",
      );
  }
};
