/** The terminal output of a diff: what users lose first, then one row per changed resource, then policy. */
import { type CalloutGroup, groupCallouts } from "./callouts";
import { changeWord, describePath, type StackReport, summarize } from "./diff-report";
import type { Violation } from "./evaluate-policies";
import { countLevels } from "./policy-diff";
import { shortType } from "./short-type";

function shortUrn(urn: string | null): string {
  if (urn === null) return "(stack)";
  const parts = urn.split("::");
  return `${shortType(parts[2]?.split("$").pop() ?? "")} ${parts[3] ?? urn}`;
}

const violationLine = (v: Violation): string =>
  `[${v.level}] ${v.policy} (${v.severity}) ${shortUrn(v.resource)}: ${v.message}`;

function calloutLines(g: CalloutGroup): string[] {
  const paths = g.paths.map((p) => (p.follows ? `${p.path} takes the new id of ${p.follows}` : p.path)).join(", ");
  return [
    `  ! ${g.subject} ${g.action.toUpperCase()}: ${g.names.join(", ")}${paths ? ` (${paths})` : ""}`,
    `      ${g.loses}`,
    ...(g.guard ? [`      ${g.guard}`] : []),
  ];
}

function policyLines(r: StackReport): string[] {
  const p = r.policy;
  const against =
    p.added && p.fixed
      ? `; against ${r.base.label}: ${p.added.length} new, ${p.fixed.length} fixed`
      : `; no base results to compare`;
  return [
    `Policy (${r.head.label}): ${countLevels(p.head)}${against}`,
    ...(p.added ?? []).map((v) => `  new:   ${violationLine(v)}`),
    ...(p.fixed ?? []).map((v) => `  fixed: ${violationLine(v)}`),
  ];
}

export function formatDiffTable(r: StackReport): string {
  if (!r.diff)
    return [
      `Stack ${r.stack}: the base ${r.base.label} could not be planned, so there is no diff:`,
      ...(r.base.error ?? "").split("\n").map((l) => `  ${l}`),
      "",
      ...policyLines(r),
    ].join("\n");
  const d = r.diff;
  const s = summarize(d);
  const counts = d.judgesReplacement
    ? `${s.replaced} replaced, ${s.removed} deleted, ${s.added} created, ${s.changed} updated, ${s.unchanged} unchanged${s.refused ? `, ${s.refused} refused` : ""}`
    : `${s.removed} only in ${d.base}, ${s.added} only in ${d.head}, ${s.changed + s.replaced} differ, ${s.unchanged} equal`;
  const rows = d.resources.map((x) => ({
    change: changeWord(x.change, d),
    type: shortType(x.type),
    name: x.name,
    detail: [
      ...x.paths.map((p) => describePath(p, true)),
      ...x.notes,
      ...(x.refused ? [`REFUSED: ${x.refused}`] : []),
    ].join("; "),
  }));
  const w = (k: "change" | "type" | "name") => Math.max(k.length, ...rows.map((x) => x[k].length));
  const [wc, wt, wn] = [w("change"), w("type"), w("name")];
  const line = (a: string, b: string, c: string, e: string) =>
    `${a.padEnd(wc)}  ${b.padEnd(wt)}  ${c.padEnd(wn)}  ${e}`.trimEnd();
  return [
    `Stack ${r.stack}: ${d.base} -> ${d.head} (offline, nothing deployed): ${counts}`,
    ...(r.callouts.length > 0 ? ["", "Read first:", ...groupCallouts(r.callouts).flatMap(calloutLines)] : []),
    "",
    ...(rows.length > 0
      ? [line("CHANGE", "TYPE", "NAME", "PROPERTIES"), ...rows.map((x) => line(x.change, x.type, x.name, x.detail))]
      : ["No differences."]),
    ...(d.notes.length > 0 ? ["", ...d.notes.map((n) => `note: ${n}`)] : []),
    "",
    ...policyLines(r),
  ].join("\n");
}
