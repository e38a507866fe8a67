import type { RuleSet } from "./context";

/** TODO(issue 3): cross-field checks for `identityProviders`. */
export const identityProvidersRules: RuleSet = () => undefined;
