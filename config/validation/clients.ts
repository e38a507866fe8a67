import { didYouMean } from "../did-you-mean";
import type { IssueList } from "../errors";
import { PUBLIC_KINDS, signsInUsers } from "../model/clients";
import { attributeMapping } from "../model/identity-providers";
import { parseScope, STANDARD_SCOPES } from "../model/scopes";
import { joinPath } from "../paths";
import type { StackConfig } from "../schema";
import type { ClientConfig } from "../schema/clients";
import { attributeNameProblem, customAttribute } from "./attribute-names";
import type { RuleContext, RuleSet } from "./context";

type Unit = "seconds" | "minutes" | "hours" | "days";
const MINUTES: Record<Unit, number> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };
/** Cognito's units when a client sets no `tokenValidityUnits`. */
const COGNITO_UNITS = { accessToken: "hours", idToken: "hours", refreshToken: "days" } as const;
const DAY = 1440;

/** Verification flags can be read but only Cognito (or an admin call) sets them. */
const READ_ONLY_ATTRIBUTES = ["email_verified", "phone_number_verified"];

/** Cognito's pattern for URLs and names (terraform-provider-aws validate.go, CDK). */
const PRINTABLE_URL = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,1024}$/u;
const CLIENT_NAME = /^[\w\s+=,.@-]{1,128}$/;
const UNSAFE_SCHEMES = ["javascript:", "data:", "file:", "vbscript:"];

/** App clients: URLs, flows, scopes, token lifetimes, providers and attributes. */
export const clientsRules: RuleSet = (cfg, ctx, issues) => {
  for (const [key, client] of Object.entries(cfg.clients))
    checkClient(joinPath(["clients", key]), key, client, cfg, ctx, issues);
};

function checkClient(
  at: string,
  key: string,
  c: ClientConfig,
  cfg: StackConfig,
  ctx: RuleContext,
  issues: IssueList,
): void {
  if (c.name !== undefined && !CLIENT_NAME.test(c.name)) {
    issues.add(`${at}.name`, c.name, "must be 1-128 characters: letters, digits, spaces and + = , . @ _ -");
  }
  if (c.generateSecret && PUBLIC_KINDS.includes(c.kind)) {
    issues.add(
      `${at}.generateSecret`,
      true,
      `a ${c.kind} client runs on users' devices and cannot keep a secret; use kind server or machine`,
    );
  }
  checkFlows(at, c, cfg, ctx, issues);
  checkUrls(at, c, ctx, issues);
  checkScopes(at, c, cfg, issues);
  checkTokens(at, c, issues);
  checkProviders(at, key, c, cfg, issues);
  checkAttributes(at, c, cfg, issues);
  if (c.enablePropagateAdditionalUserContextData && !c.generateSecret) {
    issues.add(
      `${at}.enablePropagateAdditionalUserContextData`,
      true,
      "propagating user context data needs a client secret (generateSecret: true)",
    );
  }
  const rotation = c.refreshTokenRotation?.feature === "ENABLED";
  const refreshFlow = (c.explicitAuthFlows ?? []).includes("ALLOW_REFRESH_TOKEN_AUTH");
  if (rotation && refreshFlow) {
    issues.add(
      `${at}.explicitAuthFlows`,
      c.explicitAuthFlows,
      "refresh token rotation does not work with ALLOW_REFRESH_TOKEN_AUTH; remove it (apps refresh with GetTokensFromRefreshToken)",
    );
  }
  if (!rotation && !refreshFlow) {
    issues.add(
      `${at}.explicitAuthFlows`,
      c.explicitAuthFlows ?? [],
      "must include ALLOW_REFRESH_TOKEN_AUTH (Cognito refuses a client without it unless refresh token rotation is ENABLED)",
    );
  }
  if (rotation && cfg.pool.userPoolTier === "LITE") {
    issues.add(
      `${at}.refreshTokenRotation.feature`,
      "ENABLED",
      "refresh token rotation needs pool.userPoolTier ESSENTIALS or PLUS",
    );
  }
  if (c.refreshTokenRotation?.feature === "DISABLED") {
    issues.add(
      `${at}.refreshTokenRotation.feature`,
      "DISABLED",
      "leave refreshTokenRotation out instead of DISABLED (the provider shows a diff on every preview for a DISABLED block)",
    );
  }
  checkFederatedWrites(at, c, cfg, issues);
}

function checkFlows(at: string, c: ClientConfig, cfg: StackConfig, ctx: RuleContext, issues: IssueList): void {
  const flows = c.allowedOauthFlows ?? [];
  const path = `${at}.allowedOauthFlows`;
  if (flows.includes("implicit")) {
    if (ctx.isProduction)
      issues.add(path, flows, "the implicit grant is never allowed in a production stack; use code (with PKCE)");
    else if (!c.allowImplicitFlow)
      issues.add(
        path,
        flows,
        "the implicit grant is refused unless the client sets allowImplicitFlow: true; prefer code (with PKCE)",
      );
  }
  if (flows.includes("client_credentials")) {
    if (signsInUsers(c))
      issues.add(path, flows, "client_credentials cannot be combined with code or implicit; use separate clients");
    if (!c.generateSecret)
      issues.add(
        `${at}.generateSecret`,
        c.generateSecret ?? false,
        "client_credentials needs a client secret (generateSecret: true)",
      );
  }
  if (flows.length > 0 && !cfg.domain.enabled)
    issues.add(path, flows, "OAuth flows need a hosted-UI domain (domain.enabled: true)");
  if (signsInUsers(c) && (c.callbackUrls ?? []).length === 0) {
    issues.add(
      `${at}.callbackUrls`,
      c.callbackUrls ?? [],
      "must not be empty when the code or implicit OAuth flow is on",
    );
  }
}

function checkUrls(at: string, c: ClientConfig, ctx: RuleContext, issues: IssueList): void {
  const callbacks = c.callbackUrls ?? [];
  for (const [i, u] of callbacks.entries()) checkUrl(`${at}.callbackUrls[${i}]`, u, c, ctx, issues);
  for (const [i, u] of (c.logoutUrls ?? []).entries()) checkUrl(`${at}.logoutUrls[${i}]`, u, c, ctx, issues);
  if (c.defaultRedirectUri !== undefined) {
    checkUrl(`${at}.defaultRedirectUri`, c.defaultRedirectUri, c, ctx, issues);
    if (!callbacks.includes(c.defaultRedirectUri))
      issues.add(`${at}.defaultRedirectUri`, c.defaultRedirectUri, "must be one of callbackUrls");
  }
}

function checkUrl(path: string, url: string, c: ClientConfig, ctx: RuleContext, issues: IssueList): void {
  if (!PRINTABLE_URL.test(url)) {
    issues.add(path, url, "must be 1-1024 characters with no spaces");
    return;
  }
  if (url.includes("#")) issues.add(path, url, "must not contain a fragment (#)");
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    issues.add(path, url, "must be an absolute URL such as https://app.example.com/auth/callback");
    return;
  }
  const local = u.hostname === "localhost" || u.hostname === "127.0.0.1";
  if (u.protocol === "https:" || u.protocol === "http:") {
    if (local && ctx.isProduction) issues.add(path, url, "a production stack must not use localhost URLs");
    else if (u.protocol === "http:" && !local)
      issues.add(path, url, "must use https (http only for http://localhost or http://127.0.0.1 outside production)");
    return;
  }
  if (UNSAFE_SCHEMES.includes(u.protocol)) issues.add(path, url, `must not use the ${u.protocol} scheme`);
  else if (c.kind !== "native") issues.add(path, url, `custom schemes (${u.protocol}//) are only for native clients`);
}

function checkScopes(at: string, c: ClientConfig, cfg: StackConfig, issues: IssueList): void {
  const scopes = c.allowedOauthScopes ?? [];
  const flows = c.allowedOauthFlows ?? [];
  const machine = flows.includes("client_credentials");
  if (flows.length > 0 && scopes.length === 0) {
    issues.add(
      `${at}.allowedOauthScopes`,
      scopes,
      machine
        ? "client_credentials needs at least one resource-server scope (<resourceServerKey>/<scope>)"
        : "OAuth flows need at least one scope",
    );
  }
  const servers = Object.keys(cfg.resourceServers);
  scopes.forEach((s, i) => {
    const path = `${at}.allowedOauthScopes[${i}]`;
    const p = parseScope(s, cfg.resourceServers);
    if (p.kind === "unknown") {
      issues.add(
        path,
        s,
        `unknown scope; use a standard scope (${STANDARD_SCOPES.join(", ")}) or <resourceServerKey>/<scope>`,
      );
    } else if (p.kind === "unknownServer") {
      const hint = didYouMean(p.server, servers);
      issues.add(
        path,
        s,
        `names resource server "${p.server}", which is not in resourceServers${hint ? `; did you mean "${hint}"?` : servers.length ? `; known: ${servers.join(", ")}` : ""}`,
      );
    } else if (p.kind === "custom" && !p.defined) {
      const names = cfg.resourceServers[p.serverKey].scopes.map((x) => x.scopeName);
      issues.add(
        path,
        s,
        `resource server "${p.serverKey}" has no scope "${p.scopeName}"; its scopes: ${names.join(", ")}`,
      );
    } else if (p.kind === "standard" && machine) {
      issues.add(
        path,
        s,
        "client_credentials clients can only use resource-server scopes (<resourceServerKey>/<scope>)",
      );
    }
  });
}

function checkTokens(at: string, c: ClientConfig, issues: IssueList): void {
  const units = c.tokenValidityUnits ?? COGNITO_UNITS;
  const access = inRange(
    issues,
    `${at}.accessTokenValidity`,
    c.accessTokenValidity,
    units.accessToken,
    5,
    DAY,
    "5 minutes and 1 day",
  );
  const id = inRange(issues, `${at}.idTokenValidity`, c.idTokenValidity, units.idToken, 5, DAY, "5 minutes and 1 day");
  const refresh = inRange(
    issues,
    `${at}.refreshTokenValidity`,
    c.refreshTokenValidity,
    units.refreshToken,
    60,
    3650 * DAY,
    "60 minutes and 3650 days",
  );
  if (refresh !== undefined) {
    for (const [field, minutes, value, unit] of [
      ["accessTokenValidity", access, c.accessTokenValidity, units.accessToken],
      ["idTokenValidity", id, c.idTokenValidity, units.idToken],
    ] as const) {
      if (minutes !== undefined && minutes > refresh) {
        issues.add(
          `${at}.${field}`,
          value,
          `must not exceed refreshTokenValidity (${value} ${unit} > ${c.refreshTokenValidity} ${units.refreshToken})`,
        );
      }
    }
  }
  const session = c.authSessionValidity;
  if (session !== undefined && (session < 3 || session > 15))
    issues.add(`${at}.authSessionValidity`, session, "must be between 3 and 15 minutes");
}

/** Checks a lifetime against Cognito's bounds; returns it in minutes when it is set and valid. */
function inRange(
  issues: IssueList,
  path: string,
  value: number | undefined,
  unit: Unit,
  loMinutes: number,
  hiMinutes: number,
  words: string,
): number | undefined {
  if (value === undefined) return undefined;
  const minutes = value * MINUTES[unit];
  if (minutes >= loMinutes && minutes <= hiMinutes) return minutes;
  const lo = Math.ceil(loMinutes / MINUTES[unit]);
  const hi = Math.floor(hiMinutes / MINUTES[unit]);
  issues.add(path, value, `must be between ${words} (${lo}-${hi} ${unit})`);
  return undefined;
}

function checkProviders(at: string, key: string, c: ClientConfig, cfg: StackConfig, issues: IssueList): void {
  const known = Object.keys(cfg.identityProviders);
  const listed = c.identityProviders ?? [];
  for (const [i, p] of listed.entries()) {
    if (known.includes(p)) continue;
    const path = `${at}.identityProviders[${i}]`;
    if (p === "COGNITO") {
      issues.add(path, p, "COGNITO comes from includeCognito; list only keys of identityProviders");
      continue;
    }
    const hint = didYouMean(p, known);
    issues.add(
      path,
      p,
      `unknown identity provider; ${hint ? `did you mean "${hint}"?` : known.length ? `known: ${known.join(", ")}` : "identityProviders is empty"}`,
    );
  }
  if (signsInUsers(c) && c.includeCognito === false && listed.length === 0) {
    issues.add(
      `${at}.includeCognito`,
      false,
      `client ${key} signs users in but has no provider: keep COGNITO or list identityProviders`,
    );
  }
}

function checkAttributes(at: string, c: ClientConfig, cfg: StackConfig, issues: IssueList): void {
  for (const field of ["readAttributes", "writeAttributes"] as const) {
    const write = field === "writeAttributes";
    (c[field] ?? []).forEach((name, i) => {
      const path = `${at}.${field}[${i}]`;
      const problem = attributeNameProblem(name, cfg.pool.schemas);
      const custom = customAttribute(name, cfg.pool.schemas);
      if (problem) issues.add(path, name, problem);
      else if (write && custom && !custom.mutable)
        issues.add(path, name, "is immutable (mutable: false) and cannot be a write attribute");
      else if (write && custom?.developerOnlyAttribute)
        issues.add(path, name, "is developer-only and can only be changed by admin API calls");
      else if (write && READ_ONLY_ATTRIBUTES.includes(name))
        issues.add(path, name, "verification flags are set by Cognito, not written by app clients");
    });
  }
}

/**
 * With an identity provider, Cognito writes the mapped attributes on every federated sign-in as the
 * client, so they must all be writable by the client (the WriteAttributes API reference).
 */
function checkFederatedWrites(at: string, c: ClientConfig, cfg: StackConfig, issues: IssueList): void {
  const writable = new Set(c.writeAttributes ?? []);
  for (const key of c.identityProviders ?? []) {
    const idp = Object.hasOwn(cfg.identityProviders, key) ? cfg.identityProviders[key] : undefined;
    if (!idp) continue;
    const missing = Object.keys(attributeMapping(idp.type, idp.attributeMapping)).filter(
      (a) => a !== "username" && !writable.has(a),
    );
    if (missing.length > 0) {
      issues.add(
        `${at}.writeAttributes`,
        c.writeAttributes ?? [],
        `must include the attributes ${key} maps (${missing.join(", ")}): Cognito writes them at every federated sign-in`,
      );
    }
  }
}
