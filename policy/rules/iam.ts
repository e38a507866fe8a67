import { asArray } from "./common";

/** One IAM policy statement, normalised: lists everywhere, keys as IAM writes them. */
export interface Statement {
  effect: "Allow" | "Deny";
  actions: string[];
  /** `NotAction` lists; an Allow with NotAction grants everything else. */
  notActions: string[];
  /** Principal type (`Service`, `AWS`, `Federated`, `CanonicalUser`, or `*` for `"Principal": "*"`) -> values. */
  principals: Record<string, string[]>;
  /** Operator -> condition key -> values. */
  conditions: Record<string, Record<string, string[]>>;
}

const strings = (v: unknown): string[] => asArray(v).map((x) => String(x));

/**
 * Parses a policy document given as JSON text or as a `PolicyDocument` object. Returns undefined
 * for something that is not a policy document (the caller reports it).
 */
export function parseDocument(doc: unknown): Statement[] | undefined {
  let value = doc;
  if (typeof doc === "string") {
    try {
      value = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null) return undefined;
  const raw = (value as Record<string, unknown>).Statement;
  if (raw === undefined) return undefined;
  return asArray(raw).flatMap((s): Statement[] => {
    if (typeof s !== "object" || s === null) return [];
    const st = s as Record<string, unknown>;
    const principals: Record<string, string[]> = {};
    const p = st.Principal;
    if (p === "*") principals["*"] = ["*"];
    else if (typeof p === "object" && p !== null) for (const [k, v] of Object.entries(p)) principals[k] = strings(v);
    const conditions: Record<string, Record<string, string[]>> = {};
    if (typeof st.Condition === "object" && st.Condition !== null) {
      for (const [op, keys] of Object.entries(st.Condition as Record<string, unknown>)) {
        conditions[op] = {};
        if (typeof keys === "object" && keys !== null)
          for (const [k, v] of Object.entries(keys)) conditions[op][k] = strings(v);
      }
    }
    return [
      {
        effect: st.Effect === "Deny" ? "Deny" : "Allow",
        actions: strings(st.Action),
        notActions: strings(st.NotAction),
        principals,
        conditions,
      },
    ];
  });
}

/** Values of a condition key under an operator; condition keys are case-insensitive in IAM. */
export function conditionValues(s: Statement, operator: string, key: string): string[] | undefined {
  const byKey = s.conditions[operator];
  if (!byKey) return undefined;
  const found = Object.keys(byKey).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : byKey[found];
}

export function isWildcardAction(action: string): boolean {
  return action.includes("*") || action.includes("?");
}

/** Problems with the actions a set of statements allows: wildcards and `NotAction` grants. */
export function wildcardGrants(statements: Statement[]): string[] {
  const out: string[] = [];
  for (const s of statements.filter((x) => x.effect === "Allow")) {
    for (const a of s.actions.filter(isWildcardAction)) out.push(`allows wildcard action "${a}"`);
    if (s.notActions.length > 0) out.push(`allows every action except ${JSON.stringify(s.notActions)} (NotAction)`);
  }
  return out;
}

/** AWS managed policies that grant a whole service or more. */
export function isBroadManagedPolicy(arn: string): boolean {
  const name = arn.split("/").pop() ?? "";
  return (
    /^arn:aws[\w-]*:iam::aws:policy\//.test(arn) &&
    /(FullAccess|^AdministratorAccess$|^PowerUserAccess$|^IAMFullAccess$)/.test(name)
  );
}

/** Whether a trust statement lets a principal of this type and value assume the role. */
export function trusts(s: Statement, type: string, value: string): boolean {
  return s.effect === "Allow" && (s.principals[type] ?? []).some((v) => v.toLowerCase() === value.toLowerCase());
}
