/** Latency percentiles per step for the load run. */

/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export class Timings {
  private readonly byStep = new Map<string, number[]>();

  add(step: string, ms: number): void {
    const list = this.byStep.get(step) ?? [];
    list.push(ms);
    this.byStep.set(step, list);
  }

  steps(): string[] {
    return [...this.byStep.keys()];
  }

  samples(step: string): number[] {
    return this.byStep.get(step) ?? [];
  }

  /** One line per step (in first-seen order): count, p50, p95, max, in ms. */
  table(): string {
    const rows = this.steps().map((s) => {
      const v = this.samples(s);
      return [s, String(v.length), fmt(percentile(v, 50)), fmt(percentile(v, 95)), fmt(Math.max(...v))];
    });
    const head = ["step", "n", "p50 ms", "p95 ms", "max ms"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]): string =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    return [line(head), ...rows.map(line)].join("\n");
  }
}

const fmt = (n: number): string => (Number.isNaN(n) ? "-" : String(Math.round(n)));
