import type { IssueList } from "../errors";
import type { Environment } from "../presets";
import type { StackConfig } from "../schema";

export interface RuleContext {
  stack: string;
  /** The stack's AWS region (`aws:region`, else AWS_REGION); empty when none is set (load reports that). */
  region: string;
  environment: Environment;
  /** Production safeguards apply (prod preset). */
  isProduction: boolean;
  /** Whether the value at a dotted path under `cognito-auth:` was set with `pulumi config set --secret`. */
  isSecret(path: string): boolean;
  /** The committed `example.com` placeholders may stand (offline plans and the emulator); never on a real deployment. */
  allowPlaceholders: boolean;
}

/** Cross-field checks for one area of the config; pushes every problem it finds. */
export type RuleSet = (cfg: StackConfig, ctx: RuleContext, issues: IssueList) => void;
