/** Cognito's standard attributes a pool can require (every one but the verification flags). */
export const REQUIRABLE_ATTRIBUTES = [
  "address",
  "birthdate",
  "email",
  "family_name",
  "gender",
  "given_name",
  "locale",
  "middle_name",
  "name",
  "nickname",
  "phone_number",
  "picture",
  "preferred_username",
  "profile",
  "updated_at",
  "website",
  "zoneinfo",
] as const;

/** Cognito's standard user attributes that can be written (`sub` is Cognito's own). */
export const STANDARD_ATTRIBUTES: readonly string[] = [
  ...REQUIRABLE_ATTRIBUTES,
  "email_verified",
  "phone_number_verified",
].sort();
