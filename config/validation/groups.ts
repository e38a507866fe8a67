import { joinPath } from "../paths";
import type { RuleSet } from "./context";

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_ARN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]{1,512}$/;
/** Managed policies too broad to hand every member of a group through the identity pool. */
const TOO_BROAD = ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"];

/**
 * Group roles. Name and description limits (cognito-peers.md (b)27-29) are already enforced by the
 * schema: group keys allow a subset of Cognito's name pattern, descriptions at most 2048 chars.
 *
 * Cognito does not require unique precedences, and equal precedence is fine for groups without
 * roles. But when groups of equal precedence carry different roles, Cognito leaves
 * `cognito:preferred_role` out of their members' tokens, which silently defeats the identity
 * pool's token role mapping; only that case is an error.
 */
export const groupsRules: RuleSet = (cfg, _ctx, issues) => {
  const pool = cfg.identityPool;
  const byPrecedence = new Map<number, Array<{ group: string; role: string }>>();
  for (const [group, g] of Object.entries(cfg.groups)) {
    const at = joinPath(["groups", group]);
    if (g.roleArn !== undefined && g.role !== undefined)
      issues.add(`${at}.role`, g.role, "set roleArn (an existing role) or role (one the stack creates), not both");
    if (g.roleArn !== undefined && !ROLE_ARN.test(g.roleArn))
      issues.add(`${at}.roleArn`, g.roleArn, "must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
    if (g.role !== undefined) {
      if (!pool.enabled)
        issues.add(
          `${at}.role`,
          g.role,
          "a role the stack creates trusts the identity pool: set identityPool.enabled true, or give an existing roleArn",
        );
      const names = new Set<string>();
      g.role.policyArns.forEach((arn, i) => {
        const policyName = arn.slice(arn.lastIndexOf("/") + 1);
        if (names.has(policyName))
          issues.add(`${at}.role.policyArns[${i}]`, arn, "a policy of this name is already listed");
        names.add(policyName);
        if (!POLICY_ARN.test(arn))
          issues.add(
            `${at}.role.policyArns[${i}]`,
            arn,
            "must be an IAM managed policy ARN (arn:aws:iam::aws:policy/<name> or arn:aws:iam::<account>:policy/<name>)",
          );
        else if (TOO_BROAD.some((p) => arn.endsWith(`:policy/${p}`)))
          issues.add(
            `${at}.role.policyArns[${i}]`,
            arn,
            "too broad for every member of a group; attach a least-privilege policy",
          );
      });
    }
    const role = g.roleArn ?? (g.role ? `(created for ${group})` : undefined);
    if (role !== undefined) {
      if (pool.enabled && pool.roleMapping === undefined) {
        issues.add(
          `${at}.${g.roleArn !== undefined ? "roleArn" : "role"}`,
          g.roleArn ?? g.role,
          "group roles take effect only through identityPool.roleMapping (token role mapping); set it",
        );
      }
      const same = byPrecedence.get(g.precedence) ?? [];
      same.push({ group, role });
      byPrecedence.set(g.precedence, same);
    }
  }
  for (const [precedence, groups] of byPrecedence) {
    if (new Set(groups.map((g) => g.role)).size < 2) continue;
    for (const { group } of groups.slice(1)) {
      const others = groups
        .filter((g) => g.group !== group)
        .map((g) => g.group)
        .join(", ");
      issues.add(
        `${joinPath(["groups", group])}.precedence`,
        precedence,
        `same precedence as ${others} but a different role: Cognito then omits cognito:preferred_role from the tokens of users in both; use distinct precedences`,
      );
    }
  }
};
