import type { IssueList } from "../errors";
import { identityPoolClientKeys } from "../model/identity-pool";
import type { PolicyStatement } from "../schema/identity-pool";
import type { RuleSet } from "./context";

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;
/**
 * IAM's read and list verbs. An action is read-only when its name starts with one of them
 * (`s3:GetObject`, `dynamodb:Query`, `s3:List*`); anything else (`Put`, `Invoke`, `Delete`, `*Item` ...)
 * counts as a write.
 */
const READ_VERB = /^(Get|List|Describe|BatchGet|Query|Scan|Search|Lookup|View|Head|Select)/;

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/**
 * Clients, guests and least privilege for the identity pool's roles. Policy rules, for every Allow
 * statement: no `*` or `service:*` action; and `Resource: "*"` only with read-only actions, since a
 * write on every resource of a service is never what one app user should hold. Deny statements are
 * not restricted. A policy that truly needs more goes through the component's `transform`.
 */
export const identityPoolRules: RuleSet = (cfg, ctx, issues) => {
  const p = cfg.identityPool;
  if (!p.enabled) return;
  const keys = identityPoolClientKeys(p, cfg.clients);
  (p.clients ?? []).forEach((key, i) => {
    const client = Object.hasOwn(cfg.clients, key) ? cfg.clients[key] : undefined;
    if (client === undefined)
      issues.add(
        `identityPool.clients[${i}]`,
        key,
        `no client named "${key}" (clients: ${Object.keys(cfg.clients).join(", ") || "none"})`,
      );
    else if (client.kind === "machine")
      issues.add(
        `identityPool.clients[${i}]`,
        key,
        "a machine client (client_credentials) has no users, so its tokens cannot get identities; list web, native or server clients",
      );
  });
  if (keys.length === 0)
    issues.add(
      "identityPool.clients",
      p.clients,
      "the identity pool needs at least one web, native or server client to accept tokens from",
    );

  if (p.allowUnauthenticatedIdentities && ctx.isProduction) {
    issues.add(
      "identityPool.allowUnauthenticatedIdentities",
      true,
      "guest (unauthenticated) identities are refused in production (Security Hub Cognito.2)",
    );
  }
  if (!p.allowUnauthenticatedIdentities && p.unauthenticatedPolicy.length > 0) {
    issues.add(
      "identityPool.unauthenticatedPolicy",
      "(set)",
      "only used with allowUnauthenticatedIdentities true; remove it or turn guests on",
    );
  }
  policy(issues, "identityPool.authenticatedPolicy", p.authenticatedPolicy);
  policy(issues, "identityPool.unauthenticatedPolicy", p.unauthenticatedPolicy);
};

function policy(issues: IssueList, at: string, statements: PolicyStatement[]): void {
  statements.forEach((s, i) => {
    if (s.Effect !== "Allow") return;
    const actions = asList(s.Action);
    actions.forEach((a, j) => {
      const path = Array.isArray(s.Action) ? `${at}[${i}].Action[${j}]` : `${at}[${i}].Action`;
      if (a === "*" || /^[^:]+:\*$/.test(a))
        issues.add(path, a, "a wildcard action grants everything a service can do; list the actions the app needs");
      else if (!ACTION.test(a)) issues.add(path, a, "must be an IAM action such as s3:GetObject");
    });
    if (asList(s.Resource).includes("*")) {
      const writes = actions.filter((a) => !READ_VERB.test(a.slice(a.indexOf(":") + 1)));
      if (writes.length > 0) {
        issues.add(
          `${at}[${i}].Resource`,
          s.Resource,
          `Resource "*" is allowed only with read-only actions (Get, List, Describe ...); scope ${writes.join(", ")} to resource ARNs`,
        );
      }
    }
  });
}
