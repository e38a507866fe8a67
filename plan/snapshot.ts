/**
 * One side of a diff: the resources of a plan, from an in-process run (offline/runner.ts) or from
 * another checkout's `npm run plan -- <stack> --json` document, which may be older and carry less
 * (no URNs, secrets already masked, no ids): what it lacks is rebuilt or marked unknown.
 */
import { z } from "zod";
import { PROJECT } from "../config/stack-file";
import { qualifiedType, resourceKey } from "../offline/recorded-resource";
import type { RunResult } from "../offline/runner";
import type { Violation } from "./evaluate-policies";
import { stringLeaves } from "./property-diff";

export interface SnapshotResource {
  urn: string;
  type: string;
  name: string;
  /** False for components (no cloud resource of their own). */
  custom: boolean;
  inputs: Record<string, unknown>;
  secretPaths: string[];
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  /** What other resources use to refer to this one (id, ARN); empty when the side does not know them. */
  refs: string[];
}

export interface PlanSnapshot {
  stack: string;
  /** How the side is named in output: `working tree`, `origin/main (1a2b3c4)`, `prod`. */
  label: string;
  resources: SnapshotResource[];
  /** False when secret inputs came masked (`[secret]`): a secret whose value changed is not seen. */
  secretsRevealed: boolean;
  /** The policy pack's violations on this side; undefined when unknown. */
  violations?: Violation[];
  /** What this side could not provide (an older plan document). */
  notes: string[];
}

/** The marker `npm run plan` prints for a secret. */
export const SECRET_MARK = "[secret]";

/** The URN's stable part (`project::type$chain::name`), so two stacks' resources line up. */
export function urnKey(urn: string): string {
  return urn.split("::").slice(1).join("::");
}

const MIN_REF_LENGTH = 6;

export function snapshotFromRun(run: RunResult, label: string, violations?: Violation[]): PlanSnapshot {
  return {
    stack: run.stack,
    label,
    secretsRevealed: true,
    violations,
    notes: [],
    resources: run.resources.map((r) => {
      const arn = r.state.arn;
      const refs = [r.id, typeof arn === "string" ? arn : undefined].filter(
        (s): s is string => typeof s === "string" && s.length >= MIN_REF_LENGTH,
      );
      return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        inputs: r.inputs,
        secretPaths: r.secretPaths,
        protect: r.protect,
        retainOnDelete: r.retainOnDelete,
        deleteBeforeReplace: r.deleteBeforeReplace,
        refs,
      };
    }),
  };
}

const violationSchema = z.object({
  policy: z.string(),
  level: z.enum(["mandatory", "advisory"]),
  severity: z.enum(["low", "medium", "high", "critical"]),
  resource: z.string().nullable(),
  message: z.string(),
});

const documentSchema = z.object({
  stack: z.string(),
  resources: z.array(
    z.object({
      type: z.string(),
      name: z.string(),
      urn: z.string().optional(),
      parent: z.string().nullable().optional(),
      inputs: z.record(z.string(), z.unknown()).default({}),
      secretPaths: z.array(z.string()).optional(),
      protect: z.boolean().default(false),
      retainOnDelete: z.boolean().default(false),
      deleteBeforeReplace: z.boolean().optional(),
    }),
  ),
  violations: z.array(violationSchema).optional(),
});

/** Thrown for output that is not a plan document. */
export class PlanDocumentError extends Error {}

/** A side from a `--json` plan document (as printed by this or an older checkout). */
export function snapshotFromPlanDocument(doc: unknown, label: string): PlanSnapshot {
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success)
    throw new PlanDocumentError(`not a plan document: ${parsed.error.issues[0]?.message ?? "unknown shape"}`);
  const { stack, resources, violations } = parsed.data;
  const parents = new Map(resources.map((r) => [resourceKey(r), r.parent ?? undefined]));
  const parentOf = (key: string): string | undefined => parents.get(key);
  const notes: string[] = [];
  if (resources.some((r) => r.urn === undefined)) notes.push("URNs rebuilt from parents (the plan document has none)");
  if (resources.some((r) => r.secretPaths === undefined))
    notes.push("secrets came masked: a secret whose value changed is not seen, only one that appears or goes");
  if (violations === undefined) notes.push("no policy results in the plan document");
  return {
    stack,
    label,
    secretsRevealed: false,
    violations,
    notes,
    resources: resources.map((r) => ({
      urn: r.urn ?? `urn:pulumi:${stack}::${PROJECT}::${qualifiedType(resourceKey(r), r.type, parentOf)}::${r.name}`,
      type: r.type,
      name: r.name,
      custom: !r.type.startsWith(`${PROJECT}:`),
      inputs: r.inputs,
      secretPaths: r.secretPaths ?? stringLeaves(r.inputs).flatMap((l) => (l.value === SECRET_MARK ? [l.path] : [])),
      protect: r.protect,
      retainOnDelete: r.retainOnDelete,
      deleteBeforeReplace: r.deleteBeforeReplace ?? false,
      refs: [],
    })),
  };
}

/** A side with no resources (a stack file that did not exist at the base). */
export function emptySnapshot(stack: string, label: string, note: string): PlanSnapshot {
  return { stack, label, resources: [], secretsRevealed: true, violations: [], notes: [note] };
}
