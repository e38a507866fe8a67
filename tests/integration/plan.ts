/**
 * Which clients, group and attribute the login flow uses, read from the stack outputs
 * (lib/stack-outputs.ts), and the passwords it signs up with.
 */
import { randomBytes } from "crypto";
import type { StackOutputs } from "../../lib/stack-outputs";
import { allows, AppClient } from "./auth";

export interface FlowPlan {
  /** Signs users up and signs them in with SRP: a public client if there is one. */
  srpClient: AppClient;
  /** Allows USER_PASSWORD_AUTH; a confidential one first, so SECRET_HASH is exercised. */
  passwordClient?: AppClient;
  /** Signs users in but does not allow USER_PASSWORD_AUTH: must refuse that flow. */
  noPasswordClient?: AppClient;
  /** Has a secret and allows SRP: must refuse a sign-in without SECRET_HASH. */
  confidentialClient?: AppClient;
  /** The group the test user joins (the last by precedence: the least privileged). */
  group?: string;
  /** A custom attribute (without `custom:`) the check sets and expects in the ID token. */
  customAttribute?: string;
}

const signsInUsers = (c: AppClient): boolean => allows(c, "ALLOW_USER_SRP_AUTH") || allows(c, "ALLOW_USER_PASSWORD_AUTH");

export function planFlow(o: StackOutputs): FlowPlan {
  const clients: AppClient[] = Object.entries(o.clients).map(([key, c]) => ({ ...c, key }));
  const srp = clients.filter((c) => allows(c, "ALLOW_USER_SRP_AUTH"));
  const srpClient = srp.find((c) => !c.clientSecret) ?? srp[0];
  if (!srpClient) {
    throw new Error(`stack ${o.stack} has no client that allows ALLOW_USER_SRP_AUTH (clients: ${clients.map((c) => c.key).join(", ") || "none"}); the login flow needs one`);
  }
  const pw = clients.filter((c) => allows(c, "ALLOW_USER_PASSWORD_AUTH"));
  return {
    srpClient,
    passwordClient: pw.find((c) => c.clientSecret) ?? pw[0],
    noPasswordClient: clients.find((c) => signsInUsers(c) && !allows(c, "ALLOW_USER_PASSWORD_AUTH")),
    confidentialClient: srp.find((c) => c.clientSecret),
    group: o.groups.length ? o.groups[o.groups.length - 1] : undefined,
    customAttribute: o.customAttributes[0],
  };
}

/** A password that meets the policy: every character class, and longer than the minimum. */
export function strongPassword(p: StackOutputs["passwordPolicy"]): string {
  return `Lc9!${randomBytes(12).toString("hex")}`.padEnd(p.minimumLength + 4, "x");
}

/**
 * A password one character shorter than the policy's minimum, with every character class, so only
 * the length rule (as mapped into the pool) can reject it.
 */
export function tooShortPassword(p: StackOutputs["passwordPolicy"]): string {
  return "Aa1!".padEnd(Math.max(p.minimumLength - 1, 4), "z");
}
