import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export interface IdentityApiSettings {
  /** The group the admin route requires. */
  adminGroup: string;
  /** Route key (`GET /admin`) of the admin route. */
  adminRoute: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): IdentityApiSettings {
  return { adminGroup: env.ADMIN_GROUP ?? "Administrators", adminRoute: env.ADMIN_ROUTE ?? "GET /admin" };
}

/**
 * `cognito:groups` reaches the authorizer as `[a b]` (HTTP API flattens arrays) or as a JSON array.
 * Group names may hold commas but no whitespace, so the flat form splits on whitespace only; a claim
 * that cannot be read gives no groups (a 403), never a 500.
 */
export function groupsOf(claim: string | number | boolean | string[] | undefined): string[] {
  if (claim === undefined) return [];
  if (Array.isArray(claim)) return claim;
  const s = String(claim).trim();
  if (s.startsWith("[") && s.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(s);
      return Array.isArray(parsed) ? parsed.filter((g): g is string => typeof g === "string") : [];
    } catch {
      return [];
    }
  }
  return s
    .replace(/^\[|\]$/g, "")
    .split(/\s+/)
    .filter(Boolean);
}

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export function identityApi(settings: IdentityApiSettings) {
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
    const claims = event.requestContext.authorizer?.jwt?.claims;
    // The JWT authorizer refuses unauthenticated calls before they get here; this guards a misrouted one.
    if (!claims?.sub) return json(401, { message: "Unauthorized" });
    const groups = groupsOf(claims["cognito:groups"]);
    if (event.routeKey === settings.adminRoute && !groups.includes(settings.adminGroup))
      return json(403, { message: `Forbidden: needs group ${settings.adminGroup}` });
    return json(200, {
      sub: claims.sub,
      username: claims.username ?? claims["cognito:username"],
      clientId: claims.client_id,
      groups,
      scopes:
        event.requestContext.authorizer.jwt.scopes ??
        String(claims.scope ?? "")
          .split(" ")
          .filter(Boolean),
      route: event.routeKey,
    });
  };
}

export const handler = identityApi(settingsFromEnv(process.env));
