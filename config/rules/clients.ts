import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `clients`. */
export const clientsRules: RuleSet = () => undefined;
