import type { MessagingConfig } from "../schema/messaging";

const ADDRESS = /^(?:[^<>]*<\s*)?([^\s@<>]+)@([^\s@<>]+\.[^\s@<>]+)(?:\s*>)?$/;

/** The local part and domain of a sender written as `addr@domain` or `Name <addr@domain>`; undefined when it is neither. */
export function parseSender(from: string): { local: string; domain: string } | undefined {
  const m = ADDRESS.exec(from);
  return m ? { local: m[1], domain: m[2] } : undefined;
}

/** The bare address of a sender; some senders (risk notifications) accept only the bare, SES-verified address. */
export function senderAddress(from: string): string | undefined {
  const p = parseSender(from.trim());
  return p ? `${p.local}@${p.domain}` : undefined;
}

export interface MessagingModel {
  email: MessagingConfig["email"] & {
    /** The bare address of `fromEmailAddress`, for senders that take no display name. */
    senderAddress?: string;
  };
  sms: {
    enabled: boolean;
    /** Region of the SNS endpoint Cognito publishes through. */
    snsRegion: string;
    /** The SMS role exists: SMS is on, or it is off on a pool that had it (`keepRole`). */
    role: boolean;
  };
}

export function resolveMessaging(m: MessagingConfig, region: string): MessagingModel {
  const from = m.email.fromEmailAddress;
  return {
    email: { ...m.email, senderAddress: from === undefined ? undefined : senderAddress(from) },
    sms: {
      enabled: m.sms.enabled,
      snsRegion: m.sms.snsRegion ?? region,
      role: m.sms.enabled || m.sms.keepRole === true,
    },
  };
}
