import { z } from "zod";
import { triggersConfig } from "./triggers";

/** Settings Cognito keeps per region on a replica (the regional configuration attachment). */
export const replicaRegionConfig = z.strictObject({
  /** Verified SES identity in this region; required when `messaging.email` uses DEVELOPER. */
  emailSourceArn: z.string().startsWith("arn:aws").optional(),
  /** Lambda triggers in this region, by trigger name (the primary's triggers cannot run here). @default none */
  triggers: triggersConfig.optional(),
});

/**
 * Cognito multi-Region replication (opt-in; an add-on fee per replica). The pool is encrypted with a
 * customer-managed multi-Region KMS key, issues tokens from the multi-Region issuer, and gets a
 * read-only replica in each region listed.
 */
export const replicationConfig = z.strictObject({
  /** Replica regions; Cognito allows one secondary replica per pool. */
  regions: z.array(z.string()).min(1),
  /** An existing multi-Region key (`mrk-` id) in the stack's region, or `create: true`. @default { create: true } */
  kmsKey: z.union([z.strictObject({ arn: z.string() }), z.strictObject({ create: z.literal(true) })]).optional(),
  /** Whether the replicas take end-user requests (ACTIVE) or only admin ones (INACTIVE). @default true */
  active: z.boolean().optional(),
  /** Per-region settings, by region name. @default none */
  regional: z.record(z.string(), replicaRegionConfig).optional(),
});

export type ReplicationConfig = z.infer<typeof replicationConfig>;
export type ReplicaRegionConfig = z.infer<typeof replicaRegionConfig>;
