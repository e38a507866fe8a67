import type { MessagingConfig } from "../schema/messaging";
import type { ReplicationConfig } from "../schema/replication";
import type { TriggersConfig } from "../schema/triggers";

/** One replica region with what Cognito keeps per region (its regional configuration). */
export interface ReplicaModel {
  region: string;
  /** ACTIVE takes end-user requests; INACTIVE only admin ones. */
  status: "ACTIVE" | "INACTIVE";
  /** The primary's sender settings with this region's SES identity. */
  email: {
    emailSendingAccount: MessagingConfig["email"]["emailSendingAccount"];
    sourceArn?: string;
    from?: string;
    replyToEmailAddress?: string;
    configurationSet?: string;
  };
  /** SMS through an SNS role trusted by this region's pool; absent when the pool has no SMS. */
  sms?: { snsRegion: string };
  /** Trigger ARNs in this region. */
  triggers: TriggersConfig;
}

export interface ReplicationModel {
  /** The customer-managed multi-Region key: created by the stack, or an existing one by ARN. */
  kmsKey: { create: true } | { arn: string };
  /** Tokens carry the multi-Region issuer, the same in every region (IssuerConfiguration UPDATED). */
  issuer: "UPDATED";
  replicas: ReplicaModel[];
}

export function resolveReplication(
  r: ReplicationConfig | undefined,
  messaging: MessagingConfig,
): ReplicationModel | undefined {
  if (!r) return undefined;
  const e = messaging.email;
  const status = r.active === false ? "INACTIVE" : "ACTIVE";
  return {
    kmsKey: r.kmsKey ?? { create: true },
    issuer: "UPDATED",
    replicas: r.regions.map((region) => ({
      region,
      status,
      email:
        e.emailSendingAccount === "DEVELOPER"
          ? {
              emailSendingAccount: "DEVELOPER",
              sourceArn: r.regional?.[region]?.emailSourceArn,
              from: e.fromEmailAddress,
              replyToEmailAddress: e.replyToEmailAddress,
              configurationSet: e.configurationSet,
            }
          : { emailSendingAccount: "COGNITO_DEFAULT" },
      sms: messaging.sms.enabled ? { snsRegion: region } : undefined,
      triggers: r.regional?.[region]?.triggers ?? {},
    })),
  };
}
