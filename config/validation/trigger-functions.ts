import { parseScope } from "../model/scopes";
import { joinPath } from "../paths";
import { LOG_RETENTION_DAYS } from "../schema/trigger-functions";
import type { RuleSet } from "./context";

const AT = "triggers.functions";
/** Which `triggers` ARN key each built function fills. */
export const FILLS = {
  preSignUp: ["preSignUp"],
  postConfirmation: ["postConfirmation"],
  preTokenGeneration: ["preTokenGeneration", "preTokenGenerationVersion"],
  customChallenge: ["defineAuthChallenge", "createAuthChallenge", "verifyAuthChallengeResponse"],
} as const;

/** The `triggers` keys the stack's built functions fill, each with the function that fills it. */
export function builtTriggers(
  functions: Partial<Record<keyof typeof FILLS, unknown>> | undefined,
): Map<string, string> {
  return new Map(
    Object.entries(FILLS)
      .filter(([fn]) => functions?.[fn as keyof typeof FILLS] !== undefined)
      .flatMap(([fn, keys]) => keys.map((k) => [k, fn] as const)),
  );
}

/**
 * Claims pre token generation may not add or override (the Cognito developer guide's list for the
 * trigger): Cognito fails every sign-in whose response sets one, so they are refused here instead.
 */
const RESERVED_CLAIMS = new Set([
  "acr",
  "amr",
  "at_hash",
  "aud",
  "auth_time",
  "azp",
  "client_id",
  "cognito:groups",
  "cognito:preferred_role",
  "cognito:roles",
  "cognito:username",
  "event_id",
  "exp",
  "iat",
  "identities",
  "iss",
  "jti",
  "nbf",
  "nonce",
  "origin_jti",
  "scope",
  "sub",
  "token_use",
  "username",
]);

/** Built trigger functions and the protected API: what they name must exist, and nothing is set twice. */
export const triggerFunctionsRules: RuleSet = (cfg, ctx, issues) => {
  const f = cfg.triggers.functions;
  for (const [region, r] of Object.entries(cfg.replication?.regional ?? {}))
    if (r.triggers?.functions)
      issues.add(
        joinPath(["replication", "regional", region, "triggers", "functions"]),
        undefined,
        "built functions run in the pool's region only; give the replica region functions by ARN",
      );
  const scopeProblem = (scope: string): string | undefined => {
    const p = parseScope(scope, cfg.resourceServers);
    if (p.kind !== "custom") return "must be a resource-server scope (<resourceServers key>/<scope>)";
    if (!p.defined) return `resource server ${p.serverKey} defines no scope ${p.scopeName}`;
    return undefined;
  };
  if (f) {
    for (const [fn, keys] of Object.entries(FILLS)) {
      if (f[fn as keyof typeof FILLS] === undefined) continue;
      for (const k of keys)
        if (cfg.triggers[k] !== undefined)
          issues.add(`triggers.${k}`, cfg.triggers[k], `is also built by ${AT}.${fn}: set one or the other`);
    }
    const p = f.preSignUp;
    if (p?.autoConfirmDomains?.length && ctx.environment !== "dev")
      issues.add(
        `${AT}.preSignUp.autoConfirmDomains`,
        p.autoConfirmDomains,
        "auto-confirm skips email verification: dev stacks only",
      );
    for (const d of p?.autoConfirmDomains ?? [])
      if (!p?.allowedDomains.includes(d))
        issues.add(`${AT}.preSignUp.autoConfirmDomains`, d, "is not in allowedDomains");
    for (const [domain, group] of Object.entries(f.postConfirmation?.groupsByDomain ?? {}))
      if (!cfg.groups[group])
        issues.add(
          joinPath(["triggers", "functions", "postConfirmation", "groupsByDomain", domain]),
          group,
          "names no group in groups",
        );
    if (f.preTokenGeneration && cfg.pool.userPoolTier === "LITE")
      issues.add(
        `${AT}.preTokenGeneration`,
        undefined,
        "pre token generation V2 (access-token claims and scopes) needs pool.userPoolTier ESSENTIALS or PLUS",
      );
    for (const claim of Object.keys(f.preTokenGeneration?.claims ?? {}))
      if (RESERVED_CLAIMS.has(claim))
        issues.add(
          joinPath(["triggers", "functions", "preTokenGeneration", "claims", claim]),
          undefined,
          "is a claim Cognito sets itself and refuses from pre token generation: every sign-in would fail; use another name",
        );
    for (const [group, scopes] of Object.entries(f.preTokenGeneration?.groupScopes ?? {})) {
      const at = joinPath(["triggers", "functions", "preTokenGeneration", "groupScopes", group]);
      if (!cfg.groups[group]) issues.add(at, group, "names no group in groups");
      for (const s of scopes) {
        const why = scopeProblem(s);
        if (why) issues.add(at, s, why);
      }
    }
    for (const c of f.customChallenge?.clients ?? []) {
      const client = cfg.clients[c];
      if (!client) issues.add(`${AT}.customChallenge.clients`, c, "names no client in clients");
      else if ((client.allowedOauthFlows ?? []).length > 0)
        issues.add(
          joinPath(["clients", c, "allowedOauthFlows"]),
          client.allowedOauthFlows,
          `must be [] on a client in ${AT}.customChallenge.clients: managed login never runs the custom challenge, so a hosted-UI sign-in would skip the one-time code; use another client for the hosted UI`,
        );
    }
    const needsSender = f.postConfirmation?.welcomeEmail !== undefined || f.customChallenge !== undefined;
    const e = cfg.messaging.email;
    if (needsSender && !f.sender) {
      if (e.emailSendingAccount !== "DEVELOPER" || !e.fromEmailAddress)
        issues.add(
          `${AT}.sender`,
          undefined,
          "the welcome email and one-time codes go through SES: set triggers.functions.sender, or messaging.email DEVELOPER with fromEmailAddress",
        );
    }
    if (needsSender && f.sender && !f.sender.sourceArn && !e.sourceArn && !e.identity)
      issues.add(
        `${AT}.sender.sourceArn`,
        undefined,
        "name the SES identity the functions send as (their roles may send as that identity only)",
      );
    // A real prod deployment must not send as the committed example identity (config/validation/placeholders.ts).
    if (f.sender && ctx.isProduction && !ctx.allowPlaceholders)
      for (const [k, v] of Object.entries(f.sender))
        if (/(^|[^a-z0-9-])example\.(com|org|net)\b|EXAMPLE/.test(v))
          issues.add(
            `${AT}.sender.${k}`,
            v,
            "is a placeholder from the example stack file; set your own value before deploying",
          );
    if (f.logRetentionDays !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(f.logRetentionDays))
      issues.add(`${AT}.logRetentionDays`, f.logRetentionDays, "is not a CloudWatch Logs retention");
  }
  const a = cfg.api;
  if (a) {
    for (const c of a.clients) if (!cfg.clients[c]) issues.add("api.clients", c, "names no client in clients");
    for (const s of a.scopes ?? ["api/read"]) {
      const why = scopeProblem(s);
      if (why) issues.add("api.scopes", s, why);
    }
    const group = a.adminGroup ?? "Administrators";
    if (!cfg.groups[group]) issues.add("api.adminGroup", group, "names no group in groups");
    if (a.logRetentionDays !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(a.logRetentionDays))
      issues.add("api.logRetentionDays", a.logRetentionDays, "is not a CloudWatch Logs retention");
  }
};
