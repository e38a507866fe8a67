import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `identityPool`. */
export const identityPoolRules: RuleSet = () => undefined;
