/**
 * What the check prints and counts: one line per step (or only failures under load), skip reasons
 * once each, and the closing `N passed, N failed[, N skipped]` line.
 */
import { Timings } from "./stats";

export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly label: string,
    readonly detail: string,
  ) {
    super(`step "${step}" failed (${label}): ${detail}`);
    this.name = "StepFailure";
  }
}

export function describeError(e: unknown): string {
  if (e instanceof StepFailure) return e.message;
  if (e instanceof Error) {
    const meta = (e as { $metadata?: { httpStatusCode?: number } }).$metadata;
    return `${e.name}: ${e.message}${meta?.httpStatusCode ? ` (HTTP ${meta.httpStatusCode})` : ""}`;
  }
  return String(e);
}

export class Report {
  passed = 0;
  failed = 0;
  skipped = 0;
  /** Step timings of the current target (`startTimings` begins a new set). */
  timings = new Timings();
  readonly failures: string[] = [];
  private readonly skipReasonsShown = new Set<string>();

  constructor(
    private readonly out: (line: string) => void,
    private readonly verbose: boolean,
  ) {}

  pass(label: string, step: string, ms: number): void {
    this.passed++;
    this.timings.add(step, ms);
    if (this.verbose) this.out(`  ok    ${label} (${Math.round(ms)} ms)`);
  }

  fail(label: string, message: string): void {
    this.failed++;
    this.failures.push(`${label}: ${message}`);
    this.out(`  FAIL  ${label}: ${message}`);
  }

  /** Counted every time; printed once per step and reason. */
  skip(label: string, step: string, reason: string): void {
    this.skipped++;
    const key = `${step}\u0000${reason}`;
    if (this.verbose || !this.skipReasonsShown.has(key)) this.out(`  skip  ${label}: ${reason}`);
    this.skipReasonsShown.add(key);
  }

  startTimings(): void {
    this.timings = new Timings();
  }

  note(line: string): void {
    this.out(line);
  }

  closingLine(): string {
    return `${this.passed} passed, ${this.failed} failed${this.skipped ? `, ${this.skipped} skipped` : ""}`;
  }
}
