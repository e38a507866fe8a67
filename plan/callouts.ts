/**
 * The changes a reviewer must not miss, with what the user loses: the user pool, its replacement
 * guards, app clients and groups that a diff replaces, removes or cannot update.
 */
import { RESOURCE_TYPES } from "../offline/resource-types";
import type { ResourceDiff, StackDiff } from "./diff";

export interface CalloutPath {
  path: string;
  follows?: string;
}

export type Subject = "user pool" | "replacement guard" | "app client" | "group";

export interface Callout {
  subject: Subject;
  action: "replaced" | "removed" | "refused";
  urn: string;
  name: string;
  /** The input paths that cause it; `follows` names the replaced resource whose new id it takes. */
  paths: CalloutPath[];
  /** The same, in words. */
  why: string[];
  /** What users and apps lose, as a sentence. */
  loses: string;
  /** Whether Pulumi stops it first (a protected resource), or what lets it through. */
  guard?: string;
}

const ORDER: Subject[] = ["user pool", "replacement guard", "app client", "group"];

function subjectOf(d: ResourceDiff): Subject | undefined {
  if (d.type === RESOURCE_TYPES.userPool) return "user pool";
  if (d.type === RESOURCE_TYPES.randomId && d.name.includes("-guard-")) return "replacement guard";
  if (d.type === RESOURCE_TYPES.userPoolClient) return "app client";
  if (d.type === RESOURCE_TYPES.userGroup) return "group";
  return undefined;
}

const LOSES: Record<Subject, Record<"replaced" | "removed", string>> = {
  "user pool": {
    replaced:
      "A new, empty pool: every user, password, MFA enrolment, remembered device and group membership is lost; the pool id, issuer and signing keys change, so every token issued so far stops validating",
    removed: "The pool is deleted with every user in it",
  },
  "replacement guard": {
    replaced:
      "A setting Cognito fixes at creation changed (the marker's keepers), so the pool behind it is replaced with every user",
    removed: "A guarded custom attribute left the config; Cognito cannot delete one, so the pool update fails",
  },
  "app client": {
    replaced:
      "A new client id (and secret, for a confidential client): apps configured with the old id cannot sign in until updated, and refresh tokens issued to it stop working",
    removed: "The client id stops working: apps using it can no longer sign users in",
  },
  group: {
    replaced:
      "Recreated empty: its memberships are lost (the stack re-adds only its seed users), and tokens lose its cognito:groups entry until users are added again",
    removed: "Deleted with its memberships",
  },
};

function guardNote(d: ResourceDiff, subject: Subject): string | undefined {
  if (d.protect) return "Protected: `pulumi preview` fails here, before anything is replaced or deleted";
  if (d.retainOnDelete && d.change === "removed") return "retainOnDelete: left in AWS, only forgotten by the stack";
  if (subject === "replacement guard") return "Not protected in this stack: nothing stops the pool replacement";
  return undefined;
}

/** The callouts of a diff, pool first; none for a comparison of two stacks. */
export function calloutsOf(diff: StackDiff): Callout[] {
  if (!diff.judgesReplacement) return [];
  const out: Callout[] = [];
  for (const d of diff.resources) {
    const subject = subjectOf(d);
    if (!subject) continue;
    if (d.refused)
      out.push({
        subject,
        action: "refused",
        urn: d.urn,
        name: d.name,
        paths: d.paths.map((p) => ({ path: p.path })),
        why: [d.refused],
        loses: "Nothing yet: `pulumi up` fails at this update, after the resources before it have changed",
      });
    if (d.change !== "replaced" && d.change !== "removed") continue;
    out.push({
      subject,
      action: d.change,
      urn: d.urn,
      name: d.name,
      paths: d.paths
        .filter((p) => p.forcesNew)
        .map((p) => (p.follows ? { path: p.path, follows: p.follows } : { path: p.path })),
      why: d.change === "replaced" ? d.reasons : ["removed from the program or config"],
      loses: LOSES[subject][d.change],
      guard: guardNote(d, subject),
    });
  }
  return out.sort((a, b) => ORDER.indexOf(a.subject) - ORDER.indexOf(b.subject));
}

/** Callouts alike but for the resource (three clients that follow the pool) as one, for display. */
export interface CalloutGroup extends Omit<Callout, "urn" | "name" | "why"> {
  names: string[];
}

export function groupCallouts(callouts: Callout[]): CalloutGroup[] {
  const groups = new Map<string, CalloutGroup>();
  for (const c of callouts) {
    const key = JSON.stringify([c.subject, c.action, c.paths, c.loses, c.guard ?? ""]);
    const g = groups.get(key);
    if (g) g.names.push(c.name);
    else
      groups.set(key, {
        subject: c.subject,
        action: c.action,
        paths: c.paths,
        loses: c.loses,
        guard: c.guard,
        names: [c.name],
      });
  }
  return [...groups.values()];
}
