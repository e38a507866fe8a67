/** Runs one login flow against the fake Cognito and collects what the report printed. */
import { loginFlow } from "../../../check/login-flow";
import { Report, StepFailure } from "../../../check/report";
import { Steps } from "../../../check/steps";
import { describePool, type FlowPlan, planFlow } from "../../../check/subjects";
import type { Capabilities } from "../../../check/target";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeCognito, type Faults, startFakeCognito } from "./fake-cognito";

export interface FlowRun {
  fc: FakeCognito;
  plan: FlowPlan;
  report: Report;
  lines: string[];
  /** The StepFailure the flow ended with, if any. */
  failure?: StepFailure;
  /** Steps that passed, in order. */
  passed: string[];
  /** `step: reason` of every skip. */
  skipped: string[];
}

export async function runFlow(faults: Faults = {}, caps?: Capabilities, outputs?: StackOutputs): Promise<FlowRun> {
  const fc = await startFakeCognito({ faults, caps, outputs });
  const lines: string[] = [];
  const report = new Report((l) => lines.push(l), true);
  try {
    const plan = planFlow(fc.target.outputs, await describePool(fc.target));
    let failure: StepFailure | undefined;
    try {
      await loginFlow(fc.target, plan, "run1", 1, new Steps(report, "t #1"));
    } catch (e) {
      if (!(e instanceof StepFailure)) throw e;
      failure = e;
    }
    const passed = lines.flatMap((l) => /^ {2}ok {4}t #1 (\S+)/.exec(l)?.[1] ?? []);
    const skipped = lines.flatMap((l) => /^ {2}skip {2}t #1 (\S+: .*)$/.exec(l)?.[1] ?? []);
    return { fc, plan, report, lines, failure, passed, skipped };
  } finally {
    await fc.close();
  }
}
