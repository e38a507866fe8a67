/**
 * `--markdown`: one pull-request comment for every stack diffed. A summary table first, then what
 * users lose (replaced or deleted pools, guards, clients, groups), then per stack the resource table
 * and the policy results in `<details>`. Property paths only, never values. Trimmed, with a note,
 * to stay under `limit` characters (GitHub refuses comments over 65,536).
 */
import { type CalloutGroup, groupCallouts } from "./callouts";
import type { PathChange } from "./diff";
import { changeWord, type StackReport, summarize } from "./diff-report";
import type { Violation } from "./evaluate-policies";
import { countLevels } from "./policy-diff";
import { shortType } from "./short-type";

export const MARKDOWN_LIMIT = 60_000;
/** Marks the comment, so a CI job can find and update its own. */
export const MARKDOWN_MARKER = "<!-- cognito-auth: npm run plan diff -->";

export interface MarkdownOptions {
  /** @default MARKDOWN_LIMIT */
  limit?: number;
  /** The command that prints the whole diff, for the trim note. */
  rerun?: string;
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
/** Inside `<summary>`, where GitHub renders no markdown. */
const html = (s: string): string =>
  `<code>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code>`;

function summaryTable(reports: StackReport[]): string[] {
  const rows = reports.map((r) => {
    const p = r.policy;
    const policy = [countLevels(p.head), p.added?.length ?? "?", p.fixed?.length ?? "?"];
    if (!r.diff) return `| ${code(r.stack)} | base not planned | | | | | ${policy.join(" | ")} |`;
    const s = summarize(r.diff);
    const n = (k: number, bold: boolean) => (bold && k > 0 ? `**${k}**` : String(k));
    return `| ${code(r.stack)} | ${n(s.replaced, true)} | ${n(s.removed, true)} | ${s.added} | ${s.changed} | ${n(s.refused, true)} | ${policy.join(" | ")} |`;
  });
  return [
    "| stack | replaced | deleted | created | updated | refused | policy (head) | new violations | fixed |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ...rows,
  ];
}

function calloutItem(g: CalloutGroup): string {
  const what = g.names.length > 1 ? `${g.names.length} ${g.subject}s` : g.subject;
  const action = g.action === "refused" ? "cannot be updated" : g.action === "removed" ? "deleted" : "replaced";
  const paths = g.paths
    .map((p) =>
      p.follows ? `${code(p.path)} takes the new id of ${p.follows.split(", ").map(code).join(", ")}` : code(p.path),
    )
    .join(", ");
  const guard = g.guard ? ` _${g.guard}._` : "";
  return `- **${what} ${action}**: ${g.names.map(code).join(", ")}${paths ? ` (${paths})` : ""}. ${g.loses}.${guard}`;
}

/** The part of a stack no trim removes: its callouts, or why it has no diff. */
function essentials(r: StackReport): string[] {
  if (!r.diff)
    return [
      `### ${code(r.stack)}: the base ${code(r.base.label)} could not be planned`,
      "",
      "```",
      r.base.error ?? "",
      "```",
      `The ${r.head.label} is planned: policy ${countLevels(r.policy.head)}.`,
    ];
  if (r.callouts.length === 0) return [];
  return [`### ${code(r.stack)}: read first`, "", ...groupCallouts(r.callouts).map(calloutItem)];
}

/** A changed path: its name, never its value. */
const pathItem = (p: PathChange): string =>
  `${code(p.path)}${p.follows ? ` (new id of ${p.follows.split(", ").map(code).join(", ")})` : ""}${p.secret ? " (secret: changed)" : ""}${p.forcesNew ? " **forces replacement**" : ""}`;

interface Section {
  summary: string;
  lead: string[];
  rows: string[];
}

function resourceSection(r: StackReport): Section | undefined {
  const d = r.diff;
  if (!d) return undefined;
  const rows = d.resources.map((x) => {
    const what = [...x.paths.map(pathItem), ...x.notes, ...(x.refused ? [`**refused**: ${x.refused}`] : [])];
    return `| ${changeWord(x.change, d)} | ${shortType(x.type)} | ${code(x.name)} | ${cell(what.join("; "))} |`;
  });
  const notes = d.notes.map((n) => `_note: ${cell(n)}_`);
  return {
    summary: `${html(r.stack)}: ${d.resources.length} resource${d.resources.length === 1 ? " differs" : "s differ"} (${d.unchanged} unchanged), ${d.base} → ${d.head}`,
    lead:
      rows.length > 0
        ? [
            ...notes,
            ...(notes.length ? [""] : []),
            "| change | type | name | properties |",
            "| --- | --- | --- | --- |",
          ]
        : [...notes, "No differences."],
    rows,
  };
}

const violationRow = (v: Violation, tag: string): string =>
  `| ${tag} | ${v.level} | ${code(v.policy)} | ${v.resource === null ? "(stack)" : code(v.resource.split("::").pop() ?? "")} | ${cell(v.message)} |`;

function policySection(r: StackReport): Section {
  const p = r.policy;
  const counts = p.added && p.fixed ? `${p.added.length} new, ${p.fixed.length} fixed` : "no base results";
  const rows = [
    ...(p.added ?? []).map((v) => violationRow(v, "new")),
    ...(p.fixed ?? []).map((v) => violationRow(v, "fixed")),
    ...p.head.filter((v) => !p.added?.includes(v)).map((v) => violationRow(v, "still")),
  ];
  return {
    summary: `${html(r.stack)}: policy ${countLevels(p.head)}; ${counts}`,
    lead:
      rows.length > 0
        ? ["| | level | policy | resource | message |", "| --- | --- | --- | --- | --- |"]
        : ["No violations."],
    rows,
  };
}

const render = (s: Section, rows: string[], more: number): string =>
  [
    `<details><summary>${s.summary}</summary>`,
    "",
    ...s.lead,
    ...rows,
    ...(more > 0 ? ["", `_…and ${more} more row${more === 1 ? "" : "s"} (trimmed)._`] : []),
    "",
    "</details>",
    "",
  ].join("\n");

export function formatDiffMarkdown(reports: StackReport[], options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const heads = [...new Set(reports.map((r) => `${r.head.label} against ${r.base.label}`))];
  const top = [
    MARKDOWN_MARKER,
    `## Offline plan: ${heads.join("; ")}`,
    "",
    ...summaryTable(reports),
    "",
    ...reports.flatMap((r) => {
      const e = essentials(r);
      return e.length > 0 ? [...e, ""] : [];
    }),
  ].join("\n");
  const sections = reports.flatMap((r) => [resourceSection(r), policySection(r)]).filter((s): s is Section => !!s);
  const full = [top, ...sections.map((s) => render(s, s.rows, 0))].join("\n");
  if (full.length <= limit) return `${full}\n`;

  const note = (left: number, rows: number) =>
    `\n> Trimmed to stay under ${limit.toLocaleString("en-US")} characters: ${left} section${left === 1 ? "" : "s"} and ${rows} row${rows === 1 ? "" : "s"} left out.${options.rerun ? ` Run ${code(options.rerun)} for all of it.` : ""}\n`;
  const reserve = note(99, 99999).length + 1;
  let out = top.length + reserve > limit ? `${top.slice(0, top.lastIndexOf("\n", limit - reserve))}` : top;
  let [leftOut, rowsOut] = [top.length > out.length ? 1 : 0, 0];
  for (const s of sections) {
    let kept = s.rows.length;
    let text = render(s, s.rows, 0);
    while (out.length + 1 + text.length + reserve > limit && kept > 0) {
      kept = Math.max(0, Math.min(kept - 1, Math.floor(kept * 0.9)));
      text = render(s, s.rows.slice(0, kept), s.rows.length - kept);
    }
    if (out.length + 1 + text.length + reserve > limit) {
      leftOut++;
      rowsOut += s.rows.length;
      continue;
    }
    rowsOut += s.rows.length - kept;
    out = `${out}\n${text}`;
  }
  return `${out}${note(leftOut, rowsOut)}`;
}
