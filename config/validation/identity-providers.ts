import type { IssueList } from "../errors";
import { attributeMapping, RESERVED_PROVIDER_NAMES, SOCIAL_PROVIDER_NAMES } from "../model/identity-providers";
import { joinPath } from "../paths";
import type { IdentityProviderConfig } from "../schema/identity-providers";
import { SECRET_FIELDS } from "../schema/identity-providers";
import type { SchemaAttribute } from "../schema/pool";
import { OFFLINE_SECRET_PLACEHOLDER } from "../stack-file";
import { attributeNameProblem, customAttribute } from "./attribute-names";
import type { RuleSet } from "./context";

/** cognito-peers.md (b)31, from AWS CDK's OIDC provider. */
const OIDC_NAME = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u;
/** Cognito's `IdpIdentifiers` item pattern and length. */
const IDP_IDENTIFIER = /^[\w\s+=.@-]{1,40}$/;
const PEM_PRIVATE_KEY = /^\s*-----BEGIN PRIVATE KEY-----\s+[A-Za-z0-9+/=\s]+-----END PRIVATE KEY-----\s*$/;
/** Never echo a value that should have been secret. */
const HIDDEN = "(value not shown)";

/** A `--path` for the Pulumi CLI; keys with dots need the bracket form. */
function cliPath(key: string, field: string): string {
  return `${joinPath(["identityProviders", key])}.${field}`;
}

/** Provider names, secrets from secret config only, SAML metadata, attribute mapping and IdP identifiers. */
export const identityProvidersRules: RuleSet = (cfg, ctx, issues) => {
  const schemas = cfg.pool.schemas;
  const identifiers = new Map<string, string>();
  for (const [key, p] of Object.entries(cfg.identityProviders)) {
    const at = joinPath(["identityProviders", key]);
    providerName(issues, at, key, p);

    for (const field of SECRET_FIELDS[p.type]) {
      if (!ctx.isSecret(`${at}.${field}`)) {
        issues.add(
          `${at}.${field}`,
          HIDDEN,
          `must be a Pulumi secret, not plain text in the stack file: delete it there and run \`pulumi config set --secret --path '${cliPath(key, field)}' <value>\``,
        );
      }
    }
    if (p.type === "apple" && p.privateKey !== OFFLINE_SECRET_PLACEHOLDER && !PEM_PRIVATE_KEY.test(p.privateKey)) {
      issues.add(
        `${at}.privateKey`,
        HIDDEN,
        "must be the Sign in with Apple key (.p8) as PEM, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----",
      );
    }
    if (p.type === "saml") {
      if (p.metadataUrl !== undefined && p.metadataFile !== undefined)
        issues.add(`${at}.metadataFile`, "(set)", "set metadataUrl or metadataFile, not both");
      else if (p.metadataUrl === undefined && p.metadataFile === undefined)
        issues.add(`${at}.metadataUrl`, undefined, "a SAML provider needs metadataUrl or metadataFile (exactly one)");
      if (p.metadataUrl !== undefined && !p.metadataUrl.startsWith("https://"))
        issues.add(`${at}.metadataUrl`, p.metadataUrl, "must be an https:// URL");
      if (p.metadataFile !== undefined && !/<(\w+:)?EntityDescriptor[\s>]/.test(p.metadataFile)) {
        issues.add(
          `${at}.metadataFile`,
          "(set)",
          "must be the IdP's SAML metadata XML document (an <EntityDescriptor>), not a file name",
        );
      }
    }
    if (p.type === "oidc") {
      for (const k of ["oidcIssuer", "authorizeUrl", "tokenUrl", "attributesUrl", "jwksUri"] as const) {
        const url = p[k];
        if (url !== undefined && !url.startsWith("https://")) issues.add(`${at}.${k}`, url, "must be an https:// URL");
      }
    }
    mapping(issues, at, p, schemas, cfg.pool.requiredStandardAttributes);

    (p.idpIdentifiers ?? []).forEach((id, i) => {
      if (!IDP_IDENTIFIER.test(id))
        issues.add(`${at}.idpIdentifiers[${i}]`, id, "1-40 letters, digits, spaces or _ + = . @ -");
      const other = identifiers.get(id);
      if (other !== undefined)
        issues.add(
          `${at}.idpIdentifiers[${i}]`,
          id,
          `already an identifier of provider ${other}; identifiers must be unique in the pool`,
        );
      identifiers.set(id, key);
    });
    if ((p.idpIdentifiers ?? []).length > 50)
      issues.add(`${at}.idpIdentifiers`, p.idpIdentifiers, "at most 50 identifiers");
  }
};

function providerName(issues: IssueList, at: string, key: string, p: IdentityProviderConfig): void {
  if (p.type !== "saml" && p.type !== "oidc") {
    const required = SOCIAL_PROVIDER_NAMES[p.type];
    if (key !== required)
      issues.add(
        at,
        key,
        `a ${p.type} provider must be keyed "${required}": Cognito requires that exact provider name`,
      );
    return;
  }
  if (key.length < 3 || key.length > 32)
    issues.add(at, key, `${p.type.toUpperCase()} provider names must be 3-32 characters`);
  else if (p.type === "oidc" && !OIDC_NAME.test(key))
    issues.add(
      at,
      key,
      "OIDC provider names may not start or end with _ or a space, nor contain _ after the second character",
    );
  if (RESERVED_PROVIDER_NAMES.includes(key))
    issues.add(at, key, `"${key}" is reserved (${RESERVED_PROVIDER_NAMES.join(", ")}); pick another name`);
}

function mapping(
  issues: IssueList,
  at: string,
  p: IdentityProviderConfig,
  schemas: readonly SchemaAttribute[],
  required: readonly string[],
): void {
  for (const [attr, claim] of Object.entries(p.attributeMapping ?? {})) {
    const path = `${at}.attributeMapping.${attr}`;
    const problem = attributeNameProblem(attr, schemas, ["username"]);
    if (problem) issues.add(path, attr, problem);
    // Cognito rewrites mapped attributes at every federated sign-in.
    else if (customAttribute(attr, schemas)?.mutable === false)
      issues.add(path, attr, "a mapped attribute must be mutable: Cognito writes it at every federated sign-in");
    if (claim.trim() === "") issues.add(path, claim, "must name the provider's attribute (claim)");
  }
  const effective = attributeMapping(p.type, p.attributeMapping);
  const unmapped = required.filter((a) => effective[a] === undefined);
  if (unmapped.length > 0) {
    issues.add(
      `${at}.attributeMapping`,
      p.attributeMapping,
      `pool.requiredStandardAttributes needs ${unmapped.join(", ")}: map ${unmapped.length === 1 ? "it" : "them"} from a provider attribute, or federated sign-up fails`,
    );
  }
}
