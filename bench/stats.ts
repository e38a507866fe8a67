/** The benchmark's arithmetic and Markdown, kept apart from the processes it times so tests can check them. */

/** Median (the lower middle for an even count); NaN for no samples. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** Nearest-rank percentile (p in 0..100); NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** `a / b` to two decimals, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

/** `1.23x`, or `n/a`. */
export function fmtRatio(r: number | null): string {
  return r === null ? "n/a" : `${r.toFixed(2)}x`;
}

/** Milliseconds as `850 ms` under 10 s, `12.3 s` from there; `n/a` for missing. */
export function fmtMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return "n/a";
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Kilobytes as `123 MB`; `n/a` for missing. */
export function fmtMb(kb: number | null | undefined): string {
  if (kb == null || !Number.isFinite(kb)) return "n/a";
  return `${Math.round(kb / 1024)} MB`;
}

/** A target check: `yes`/`no`, or `n/a` when the figure is missing. */
export function verdict(value: number | null, atMost: number): string {
  return value === null ? "n/a" : value <= atMost ? "yes" : "no";
}

/** A Markdown table; cells are printed as given. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

export const SECTION_START = "<!-- bench:start -->";
export const SECTION_END = "<!-- bench:end -->";

/** `doc` with the text between the markers replaced by `body` (markers appended when absent). */
export function replaceSection(doc: string, body: string): string {
  const block = `${SECTION_START}\n${body.trim()}\n${SECTION_END}`;
  const a = doc.indexOf(SECTION_START);
  const b = doc.indexOf(SECTION_END);
  if (a < 0 || b < a) return `${doc.trimEnd()}\n\n${block}\n`;
  return `${doc.slice(0, a)}${block}${doc.slice(b + SECTION_END.length)}`;
}

/** One step row of `npm run test:integration`'s load table: `name n p50 p95 max`. */
export interface StepRow {
  step: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** The per-step table and the `x/y flows passed, concurrency c, s wall` line of a load run's output. */
export function parseLoadOutput(out: string): {
  steps: StepRow[];
  flows?: number;
  wallS?: number;
  /** CPU seconds moto used, and the check's own process, over the check (check/cli.ts). */
  emulatorCpuS?: number;
  checkCpuS?: number;
} {
  const steps: StepRow[] = [];
  for (const m of out.matchAll(/^\s+([a-z][a-z0-9-]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/gm)) {
    steps.push({ step: m[1], n: Number(m[2]), p50: Number(m[3]), p95: Number(m[4]), max: Number(m[5]) });
  }
  const summary = /(\d+)\/(\d+) flows passed, concurrency \d+, ([\d.]+) s wall/.exec(out);
  const cpu = /moto used ([\d.]+) s of CPU, the check's own process ([\d.]+) s/.exec(out);
  return {
    steps,
    ...(summary ? { flows: Number(summary[1]), wallS: Number(summary[3]) } : {}),
    ...(cpu ? { emulatorCpuS: Number(cpu[1]), checkCpuS: Number(cpu[2]) } : {}),
  };
}
