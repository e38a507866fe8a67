/**
 * Runs named steps: times them, counts them in the report, and turns the first failure into a
 * StepFailure naming the step, which ends the flow (its `finally` still cleans up).
 */
import { describeError, type Report, StepFailure } from "./report";

export interface StepHooks {
  /** Called before each step starts (the fault test kills the emulator here). */
  beforeStep?: (step: string, label: string) => void | Promise<void>;
}

export class Steps {
  constructor(
    private readonly report: Report,
    /** `emulator (stack dev) #3` */
    readonly prefix: string,
    private readonly hooks: StepHooks = {},
  ) {}

  label(step: string): string {
    return `${this.prefix} ${step}`;
  }

  async run<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const label = this.label(step);
    await this.hooks.beforeStep?.(step, label);
    const started = performance.now();
    try {
      const out = await fn();
      this.report.pass(label, step, performance.now() - started);
      return out;
    } catch (e) {
      const detail = describeError(e);
      this.report.fail(label, detail);
      throw new StepFailure(step, label, detail);
    }
  }

  skip(step: string, reason: string): void {
    this.report.skip(this.label(step), step, reason);
  }

  /** A line in the report under this prefix (what a step found, not a result). */
  note(line: string): void {
    this.report.note(`  ${this.prefix}: ${line}`);
  }
}
