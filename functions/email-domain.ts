/** Email domains, as pre sign-up, post confirmation and the login check all read them. */

/** The part after the last `@`, lower case; undefined for anything that is not `local@domain`. */
export function emailDomain(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return undefined;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/**
 * The group for an email: with a verified email its exact domain's, else the `*` fallback, else
 * none. Cognito also confirms sign-ups whose email nobody proved (a federated first sign-in, a
 * phone code, AdminConfirmSignUp): such a user gets only the `*` group, never a domain's.
 */
export function groupFor(
  email: string | undefined,
  groupsByDomain: Record<string, string>,
  emailVerified: boolean,
): string | undefined {
  const domain = emailVerified ? emailDomain(email) : undefined;
  return (
    (domain !== undefined && Object.hasOwn(groupsByDomain, domain) ? groupsByDomain[domain] : undefined) ??
    groupsByDomain["*"]
  );
}
