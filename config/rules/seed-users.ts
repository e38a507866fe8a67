import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `seedUsers`. */
export const seedUsersRules: RuleSet = () => undefined;
