import { z } from "zod";

/**
 * An API Gateway HTTP API protected by the pool: a JWT authorizer (issuer = the pool, audience =
 * `clients`), `GET /me` returning the caller's identity and `GET /admin` for one group. Absent means none.
 */
export const apiConfig = z.strictObject({
  /** Clients (keys of `clients`) whose access tokens the API accepts (the authorizer's audience). */
  clients: z.array(z.string().min(1)).min(1),
  /** Scopes (`<resourceServers key>/<scope>`) every route requires; ID tokens carry none, so they are refused. @default ["api/read"] */
  scopes: z.array(z.string().min(3)).min(1).optional(),
  /** The group `GET /admin` requires (checked from `cognito:groups`). @default "Administrators" */
  adminGroup: z.string().min(1).optional(),
  /** Days the API's access-log group keeps logs. @default 30 */
  logRetentionDays: z.number().int().positive().optional(),
});

export type ApiConfig = z.infer<typeof apiConfig>;
