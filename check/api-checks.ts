/**
 * The login check's calls to the stack's protected HTTP API (output `api`): the signed-in user's
 * access token gets 200 on `GET /me` with its own `sub`; no token and an ID token are refused by
 * the JWT authorizer; a user outside `api.adminGroup` gets 403 from the function on `GET /admin`.
 * The emulator deploys no API Gateway, so there every call is skipped with the reason.
 */
import type { ApiOutput, StackOutputs } from "../outputs/stack-outputs";
import type { Steps } from "./steps";
import type { Capabilities } from "./target";
import { jwtClaims } from "./trigger-checks";

export const API_SKIP = {
  emulator:
    "the emulator deploys no API Gateway or Lambda (moto implements neither the JWT authorizer nor the function), so the API's URL answers nothing",
} as const;

export const API_STEPS = ["api-me", "api-no-token", "api-id-token", "api-admin-forbidden"] as const;

/** Who calls the API: the tokens of one sign-in (already verified by verify-tokens) and the user's groups. */
export interface ApiCaller {
  accessToken: string;
  idToken: string;
  sub: string;
  /** The group the user is in (auto-assigned or added by the check). */
  group?: string;
}

export interface ApiAnswer {
  status: number;
  body: string;
  /** The authorizer says why it refused: `Bearer scope="" error="invalid_token" ...`. */
  wwwAuthenticate?: string;
}

/** One call; a network failure or timeout throws. */
export async function callApi(
  url: string,
  token: string | undefined,
  o: { timeoutMs?: number; gone?: AbortSignal } = {},
): Promise<ApiAnswer> {
  const timeout = AbortSignal.timeout(o.timeoutMs ?? 15_000);
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: o.gone ? AbortSignal.any([timeout, o.gone]) : timeout,
  });
  const body = await res.text();
  const www = res.headers.get("www-authenticate");
  return { status: res.status, body, ...(www ? { wwwAuthenticate: www } : {}) };
}

/** `GET /me` -> `<url>/me`; undefined when the API has no such route. */
export function routeUrl(api: ApiOutput, path: string): string | undefined {
  if (!api.routes.includes(`GET ${path}`)) return undefined;
  return `${api.url.replace(/\/+$/, "")}${path}`;
}

const describe = (a: ApiAnswer): string =>
  `HTTP ${a.status}${a.wwwAuthenticate ? ` (www-authenticate: ${a.wwwAuthenticate})` : ""}: ${a.body.slice(0, 200)}`;

function json(a: ApiAnswer): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(a.body);
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through: the caller says what it got
  }
  throw new Error(`expected a JSON object, got ${describe(a)}`);
}

/** The access token's scopes (`scope` claim, space-separated). */
export function tokenScopes(accessToken: string): string[] {
  const s = jwtClaims(accessToken).scope;
  return typeof s === "string" ? s.split(" ").filter(Boolean) : [];
}

/**
 * Why the caller's access token cannot pass the routes' scope check, or undefined when it should.
 * An SRP sign-in's access token carries only `aws.cognito.signin.user.admin`; API scopes come from
 * the pre-token-generation function by group. When the outputs say the user's group gets an API
 * scope, the token must carry it (a missing scope then fails api-me, it is not skipped).
 */
export function scopeGap(
  o: Pick<StackOutputs, "triggerFunctions">,
  api: ApiOutput,
  group: string | undefined,
): string | undefined {
  const f = o.triggerFunctions;
  const granted = f?.names.includes("preTokenGeneration") && group ? (f.groupScopes?.[group] ?? []) : [];
  if (granted.some((s) => api.scopes.includes(s))) return undefined;
  return `the check user's access token gets none of the API's scopes (${api.scopes.join(", ")}): ${
    group
      ? `group ${group} has none of them in triggers.functions.preTokenGeneration.groupScopes`
      : "the user is in no group"
  }, and an SRP sign-in carries only aws.cognito.signin.user.admin`;
}

/** The four API steps; `caps.servesApi` false (the emulator) skips each with the reason. */
export async function apiSteps(
  caps: Pick<Capabilities, "servesApi">,
  o: Pick<StackOutputs, "api" | "triggerFunctions">,
  who: ApiCaller,
  steps: Steps,
  call: (url: string, token: string | undefined) => Promise<ApiAnswer> = (url, token) => callApi(url, token),
): Promise<void> {
  const api = o.api;
  if (!api) return;
  if (!caps.servesApi) {
    for (const s of API_STEPS) steps.skip(s, API_SKIP.emulator);
    return;
  }
  const me = routeUrl(api, "/me");
  const admin = routeUrl(api, "/admin");
  const gap = scopeGap(o, api, who.group);

  if (!me)
    for (const s of ["api-me", "api-no-token", "api-id-token"])
      steps.skip(s, `the API has no GET /me route (${api.routes.join(", ")})`);
  else {
    if (gap) steps.skip("api-me", gap);
    else
      await steps.run("api-me", async () => {
        const scopes = tokenScopes(who.accessToken);
        if (!scopes.some((s) => api.scopes.includes(s)))
          throw new Error(
            `the access token's scope is "${scopes.join(" ")}", without any of ${api.scopes.join(", ")} that the pre-token-generation function should add for group ${who.group}`,
          );
        const a = await call(me, who.accessToken);
        if (a.status !== 200) throw new Error(`GET /me with the access token: expected 200, got ${describe(a)}`);
        const body = json(a);
        if (body.sub !== who.sub)
          throw new Error(`GET /me names sub ${JSON.stringify(body.sub)}; the caller is ${who.sub}`);
      });
    await steps.run("api-no-token", async () => {
      const a = await call(me, undefined);
      if (a.status !== 401) throw new Error(`GET /me without a token: expected 401, got ${describe(a)}`);
    });
    await steps.run("api-id-token", async () => {
      const a = await call(me, who.idToken);
      // An ID token is signed by the pool and its aud is an allowed client, so the authorizer may
      // answer 401 or, as API Gateway documents for a valid token without the route's scopes, 403.
      // Either way it must stop at the authorizer: the function never sees the caller.
      if (a.status !== 401 && a.status !== 403)
        throw new Error(`GET /me with the ID token: expected 401 or 403, got ${describe(a)}`);
      if (a.body.includes(who.sub) || a.body.includes("needs group"))
        throw new Error(`GET /me with the ID token reached the function: ${describe(a)}`);
      steps.note(`the ID token was refused with HTTP ${a.status}${a.wwwAuthenticate ? ` (${a.wwwAuthenticate})` : ""}`);
    });
  }

  if (!admin) steps.skip("api-admin-forbidden", `the API has no GET /admin route (${api.routes.join(", ")})`);
  else if (who.group === api.adminGroup)
    steps.skip(
      "api-admin-forbidden",
      `the check user is in ${api.adminGroup} (by its email domain), so it is an admin`,
    );
  else if (gap) steps.skip("api-admin-forbidden", gap);
  else
    await steps.run("api-admin-forbidden", async () => {
      const a = await call(admin, who.accessToken);
      if (a.status !== 403)
        throw new Error(`GET /admin as a non-admin (group ${who.group ?? "none"}): expected 403, got ${describe(a)}`);
      // The function's 403 names the group; the authorizer's would mean the scope check failed instead.
      const msg = json(a).message;
      if (typeof msg !== "string" || !msg.includes(api.adminGroup))
        throw new Error(`GET /admin answered 403, but not from the function's group check: ${describe(a)}`);
    });
}
