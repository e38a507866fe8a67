import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `domain`. */
export const domainRules: RuleSet = () => undefined;
