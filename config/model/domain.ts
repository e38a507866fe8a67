import type { DomainConfig } from "../schema/domain";

/** Random lowercase letters and digits appended (after a hyphen) to a prefix domain. */
export const RANDOM_SUFFIX_LENGTH = 6;
/** What the suffix adds to the prefix: the hyphen and the random characters. */
export const APPENDED_SUFFIX_LENGTH = RANDOM_SUFFIX_LENGTH + 1;
/** Cognito's limit for a prefix domain. */
export const MAX_PREFIX_DOMAIN = 63;

/**
 * The prefix a stack gets when `domain.prefix` is not set: `auth-<stack>`, lowercased, other
 * characters turned into hyphens, cut to leave room for the random suffix.
 */
export function defaultDomainPrefix(stack: string): string {
  const slug = stack.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `auth-${slug}`.slice(0, MAX_PREFIX_DOMAIN - APPENDED_SUFFIX_LENGTH).replace(/-+$/, "");
}

/** The hosted-UI domain with its defaults applied. */
export interface DomainModel {
  enabled: boolean;
  /** 1 = classic hosted UI, 2 = managed login. */
  managedLoginVersion: 1 | 2;
  /** A custom domain instead of a prefix domain. */
  customDomain?: NonNullable<DomainConfig["customDomain"]>;
  /** The prefix domain's prefix (`domain.prefix`, else `auth-<stack>`); unused with a custom domain. */
  prefix: string;
  /** Random characters appended after a hyphen; 0 for none. */
  randomSuffixLength: number;
}

export function resolveDomain(d: DomainConfig, stack: string): DomainModel {
  return {
    enabled: d.enabled,
    managedLoginVersion: d.managedLoginVersion,
    customDomain: d.customDomain,
    prefix: d.prefix ?? defaultDomainPrefix(stack),
    randomSuffixLength: d.randomSuffix === false ? 0 : RANDOM_SUFFIX_LENGTH,
  };
}
