/**
 * Which clients, group and attribute the login flow uses, read from the stack outputs
 * (outputs/stack-outputs.ts; client secrets from the secret output `clientSecrets`) and from the
 * pool itself (DescribeUserPool: attribute types, device tracking), and the passwords it signs up
 * with. What the stack cannot exercise is left out with
 * the reason, which the run prints as a skip.
 */

import { randomBytes } from "node:crypto";
import { DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import type { StackOutputs } from "../outputs/stack-outputs";
import { type AppClient, allows } from "./auth";
import type { Target } from "./target";

/** What the stack outputs do not say about the pool. */
export interface PoolFacts {
  /** Custom attributes by name (without `custom:`). */
  customAttributes: Record<string, { type: string; maxLength?: number; minLength?: number; developerOnly: boolean }>;
  /** The pool has a DeviceConfiguration: sign-ins return NewDeviceMetadata and refresh wants DEVICE_KEY. */
  tracksDevices: boolean;
}

export interface FlowPlan {
  /** Signs users up and signs them in with SRP: a public client if there is one. */
  srpClient: AppClient;
  /** Allows USER_PASSWORD_AUTH; a confidential one first, so SECRET_HASH is exercised. */
  passwordClient?: AppClient;
  /** Allows USER_PASSWORD_AUTH with preventUserExistenceErrors ENABLED: must answer an unknown user like a wrong password. */
  existenceHidingClient?: AppClient;
  /** Signs users in but does not allow USER_PASSWORD_AUTH: must refuse that flow. */
  noPasswordClient?: AppClient;
  /** Has a secret and allows SRP: must refuse a sign-in without SECRET_HASH or with a wrong one. */
  confidentialClient?: AppClient;
  /** The group the test user joins (the last by precedence: the least privileged). */
  group?: string;
  /** A String custom attribute (without `custom:`) the check sets and expects in the ID token. */
  customAttribute?: string;
  tracksDevices: boolean;
  /** Steps this stack cannot exercise, with the reason. */
  skipped: Record<string, string>;
}

/** The value the check writes is `tier-<n>`: an attribute must hold at least this many characters. */
export const ATTRIBUTE_VALUE_ROOM = 16;

const signsInUsers = (c: AppClient): boolean =>
  allows(c, "ALLOW_USER_SRP_AUTH") || allows(c, "ALLOW_USER_PASSWORD_AUTH");

/** An empty readAttributes list is Cognito's default: the client reads every attribute. */
export const reads = (c: AppClient, attribute: string): boolean =>
  c.readAttributes.length === 0 || c.readAttributes.includes(attribute);

export async function describePool(t: Target): Promise<PoolFacts> {
  const res = await t.send((o) => t.idp.send(new DescribeUserPoolCommand({ UserPoolId: t.outputs.userPoolId }), o));
  if (!res.UserPool) throw new Error(`DescribeUserPool ${t.outputs.userPoolId} returned no pool`);
  const customAttributes: PoolFacts["customAttributes"] = {};
  for (const a of res.UserPool.SchemaAttributes ?? []) {
    const m = /^custom:(.+)$/.exec(a.Name ?? "");
    if (!m) continue;
    const c = a.StringAttributeConstraints;
    customAttributes[m[1]] = {
      type: a.AttributeDataType ?? "String",
      ...(c?.MaxLength ? { maxLength: Number(c.MaxLength) } : {}),
      ...(c?.MinLength ? { minLength: Number(c.MinLength) } : {}),
      developerOnly: a.DeveloperOnlyAttribute === true,
    };
  }
  return { customAttributes, tracksDevices: res.UserPool.DeviceConfiguration !== undefined };
}

/** The first custom attribute the check can write and both sign-in clients can read, or why there is none. */
function pickAttribute(o: StackOutputs, facts: PoolFacts, readers: AppClient[]): { name?: string; why?: string } {
  const why: string[] = [];
  for (const name of o.customAttributes) {
    const f = facts.customAttributes[name];
    const unreadable = readers.filter((c) => !reads(c, `custom:${name}`)).map((c) => c.key);
    if (!f) why.push(`${name} is not in the pool's schema`);
    else if (f.type !== "String") why.push(`${name} is a ${f.type}`);
    else if (f.developerOnly) why.push(`${name} is developer-only`);
    else if ((f.maxLength ?? 2048) < ATTRIBUTE_VALUE_ROOM || (f.minLength ?? 0) > 5)
      why.push(`${name} cannot hold "tier-<n>" (length ${f.minLength ?? 0}-${f.maxLength})`);
    else if (unreadable.length) why.push(`${name} is not readable by client ${unreadable.join(", ")}`);
    else return { name };
  }
  return {
    why: o.customAttributes.length
      ? `no custom attribute fits: ${why.join("; ")}`
      : `stack ${o.stack} has no custom attributes`,
  };
}

/** The stack's clients, each confidential one with its secret from the secret output `clientSecrets`. */
export function appClients(o: StackOutputs): AppClient[] {
  return Object.entries(o.clients).map(([key, c]) => {
    const secret = Object.hasOwn(o.clientSecrets, key) ? o.clientSecrets[key] : undefined;
    if (c.generateSecret && !secret)
      throw new Error(
        `client ${key} is confidential (generateSecret), but the output clientSecrets has no secret for it`,
      );
    return secret ? { ...c, key, clientSecret: secret } : { ...c, key };
  });
}

export function planFlow(o: StackOutputs, facts: PoolFacts): FlowPlan {
  const clients = appClients(o);
  const srp = clients.filter((c) => allows(c, "ALLOW_USER_SRP_AUTH"));
  const srpClient = srp.find((c) => !c.clientSecret) ?? srp[0];
  if (!srpClient) {
    throw new Error(
      `stack ${o.stack} has no client that allows ALLOW_USER_SRP_AUTH (clients: ${clients.map((c) => c.key).join(", ") || "none"}); the login flow needs one`,
    );
  }
  const pw = clients.filter((c) => allows(c, "ALLOW_USER_PASSWORD_AUTH"));
  const passwordClient = pw.find((c) => c.clientSecret) ?? pw[0];
  const hiding = pw.filter((c) => c.preventUserExistenceErrors === "ENABLED");
  const existenceHidingClient = hiding.find((c) => c === passwordClient) ?? hiding[0];
  const skipped: Record<string, string> = {};
  if (!existenceHidingClient) {
    skipped["same-answer-for-unknown-user"] = pw.length
      ? `no client that allows USER_PASSWORD_AUTH has preventUserExistenceErrors ENABLED (${pw.map((c) => `${c.key}: ${c.preventUserExistenceErrors}`).join(", ")}), so Cognito says UserNotFoundException by design`
      : "no client allows USER_PASSWORD_AUTH";
  }
  const attr = pickAttribute(o, facts, passwordClient ? [srpClient, passwordClient] : [srpClient]);
  if (attr.why) skipped["custom-attribute"] = attr.why;
  return {
    srpClient,
    passwordClient,
    existenceHidingClient,
    noPasswordClient: clients.find((c) => signsInUsers(c) && !allows(c, "ALLOW_USER_PASSWORD_AUTH")),
    confidentialClient: srp.find((c) => c.clientSecret),
    group: o.groups.length ? o.groups[o.groups.length - 1] : undefined,
    customAttribute: attr.name,
    tracksDevices: facts.tracksDevices,
    skipped,
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
