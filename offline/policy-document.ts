/**
 * What `aws.iam.getPolicyDocument` returns, computed offline: its statements rendered into the
 * IAM JSON the provider would produce, so rules that read `assumeRolePolicy` or `policy` see the
 * same document a real run would pass.
 */

interface Principal {
  type?: string;
  identifiers?: string[];
}

interface Condition {
  test?: string;
  variable?: string;
  values?: string[];
}

/** One statement as the invoke receives it (the `GetPolicyDocumentStatement` shape). */
export interface PolicyDocumentStatement {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: Principal[];
  notPrincipals?: Principal[];
  conditions?: Condition[];
}

/** The provider writes a one-element list as a plain string. */
function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

function principalBlock(ps: Principal[]): Record<string, string | string[]> | "*" {
  if (ps.length === 1 && ps[0].type === "*" && (ps[0].identifiers ?? []).every((i) => i === "*")) return "*";
  const out: Record<string, string[]> = {};
  for (const p of ps) {
    const type = p.type ?? "AWS";
    out[type] = [...(out[type] ?? []), ...(p.identifiers ?? [])];
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, oneOrMany(v)]));
}

function conditionBlock(cs: Condition[]): Record<string, Record<string, string | string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const c of cs) {
    if (!c.test || !c.variable) continue;
    out[c.test] = out[c.test] ?? {};
    out[c.test][c.variable] = [...(out[c.test][c.variable] ?? []), ...(c.values ?? [])];
  }
  return Object.fromEntries(
    Object.entries(out).map(([op, keys]) => [
      op,
      Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, oneOrMany(v)])),
    ]),
  );
}

/** The IAM JSON of a `getPolicyDocument` call's statements. */
export function renderPolicyDocument(args: { version?: string; statements?: PolicyDocumentStatement[] }): string {
  const Statement = (args.statements ?? []).map((s) => {
    const out: Record<string, unknown> = {};
    if (s.sid) out.Sid = s.sid;
    out.Effect = s.effect ?? "Allow";
    if (s.actions?.length) out.Action = oneOrMany(s.actions);
    if (s.notActions?.length) out.NotAction = oneOrMany(s.notActions);
    if (s.resources?.length) out.Resource = oneOrMany(s.resources);
    if (s.notResources?.length) out.NotResource = oneOrMany(s.notResources);
    if (s.principals?.length) out.Principal = principalBlock(s.principals);
    if (s.notPrincipals?.length) out.NotPrincipal = principalBlock(s.notPrincipals);
    if (s.conditions?.length) out.Condition = conditionBlock(s.conditions);
    return out;
  });
  return JSON.stringify({ Version: args.version ?? "2012-10-17", Statement });
}
