import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `groups`. */
export const groupsRules: RuleSet = () => undefined;
