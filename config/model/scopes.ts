import type { ResourceServerConfig } from "../schema/clients";

/** The OAuth scopes Cognito defines itself. */
export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"] as const;

/** What a scope written in config refers to. */
export type ParsedScope =
  | { kind: "standard"; scope: string }
  /** `<resourceServerKey>/<scope>` (or `<identifier>/<scope>`) naming a configured server. */
  | { kind: "custom"; serverKey: string; identifier: string; scopeName: string; defined: boolean }
  /** A `<x>/<scope>` whose `<x>` is neither a resource-server key nor an identifier. */
  | { kind: "unknownServer"; server: string; scopeName: string }
  | { kind: "unknown"; scope: string };

/**
 * Reads a scope as config writes it. Scope names cannot contain `/`, so the server part is
 * everything before the last slash, which also lets an identifier that is a URL stand in for the key.
 */
export function parseScope(scope: string, servers: Record<string, ResourceServerConfig>): ParsedScope {
  if ((STANDARD_SCOPES as readonly string[]).includes(scope)) return { kind: "standard", scope };
  const slash = scope.lastIndexOf("/");
  if (slash < 0) return { kind: "unknown", scope };
  const server = scope.slice(0, slash);
  const scopeName = scope.slice(slash + 1);
  const entry = Object.entries(servers).find(([key, s]) => key === server || s.identifier === server);
  if (!entry) return { kind: "unknownServer", server, scopeName };
  const [serverKey, s] = entry;
  return {
    kind: "custom",
    serverKey,
    identifier: s.identifier,
    scopeName,
    defined: s.scopes.some((x) => x.scopeName === scopeName),
  };
}

/** The scope as Cognito knows it: `<identifier>/<scope>` for resource-server scopes. */
export function resolveScope(scope: string, servers: Record<string, ResourceServerConfig>): string {
  const p = parseScope(scope, servers);
  return p.kind === "custom" ? `${p.identifier}/${p.scopeName}` : scope;
}

/** Keys of the resource servers a list of scopes uses. */
export function resourceServersUsed(
  scopes: readonly string[],
  servers: Record<string, ResourceServerConfig>,
): string[] {
  const keys = scopes.flatMap((s) => {
    const p = parseScope(s, servers);
    return p.kind === "custom" ? [p.serverKey] : [];
  });
  return [...new Set(keys)];
}
