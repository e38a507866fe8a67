/**
 * An HTTP handler that forwards Cognito API calls (JSON 1.1, `X-Amz-Target`) to moto and fills the
 * one gap a browser app hits: moto does not implement `GetTokensFromRefreshToken` (HTTP 500), which
 * Amplify JS v6 calls to refresh a session. It is answered with moto's `InitiateAuth`
 * `REFRESH_TOKEN_AUTH`, which returns the same `AuthenticationResult` (without a new refresh token,
 * as Cognito does when rotation is off). CORS is open so an app on another local origin can use it.
 */
import type * as http from "node:http";

const IDP = "AWSCognitoIdentityProviderService";

/** Counts of the calls the shim rewrote, by original operation (for the summary and tests). */
export interface ProxyStats {
  shimmed: Record<string, number>;
}

const CORS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": "x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage",
  "access-control-max-age": "600",
};

/** True for a request the proxy owns: a Cognito API call or its CORS preflight. */
export function isCognitoCall(req: http.IncomingMessage): boolean {
  if (req.method === "OPTIONS") return String(req.headers["access-control-request-headers"] ?? "").includes("x-amz");
  return req.method === "POST" && typeof req.headers["x-amz-target"] === "string";
}

/** The rewritten call, or the call itself when no shim applies. */
export function shimCall(target: string, body: string): { target: string; body: string; shim?: string } {
  if (target !== `${IDP}.GetTokensFromRefreshToken`) return { target, body };
  const p = JSON.parse(body) as { ClientId?: string; RefreshToken?: string; ClientSecret?: string };
  return {
    target: `${IDP}.InitiateAuth`,
    body: JSON.stringify({
      AuthFlow: "REFRESH_TOKEN_AUTH",
      ClientId: p.ClientId,
      AuthParameters: { REFRESH_TOKEN: p.RefreshToken },
    }),
    shim: "GetTokensFromRefreshToken",
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Handles one Cognito call (see isCognitoCall) by forwarding it to `motoEndpoint`. */
export async function proxyCognitoCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  motoEndpoint: string,
  stats: ProxyStats,
): Promise<void> {
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS).end();
    return;
  }
  const call = shimCall(String(req.headers["x-amz-target"]), await readBody(req));
  if (call.shim) stats.shimmed[call.shim] = (stats.shimmed[call.shim] ?? 0) + 1;
  const headers: Record<string, string> = {
    "content-type": String(req.headers["content-type"] ?? "application/x-amz-json-1.1"),
    "x-amz-target": call.target,
  };
  // moto picks the service from the SigV4 scope when there is one, else from the target.
  if (req.headers.authorization) headers.authorization = String(req.headers.authorization);
  if (req.headers["x-amz-date"]) headers["x-amz-date"] = String(req.headers["x-amz-date"]);
  try {
    const upstream = await fetch(motoEndpoint, {
      method: "POST",
      headers,
      body: call.body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await upstream.text();
    const out: Record<string, string> = { ...CORS, "content-type": upstream.headers.get("content-type") ?? "" };
    for (const h of ["x-amzn-requestid", "x-amzn-errortype", "x-amzn-errormessage"]) {
      const v = upstream.headers.get(h);
      if (v) out[h] = v;
    }
    res.writeHead(upstream.status, out).end(text);
  } catch (e) {
    res.writeHead(502, { ...CORS, "content-type": "application/x-amz-json-1.1" }).end(
      JSON.stringify({
        __type: "EmulatorUnavailable",
        message: `emulator at ${motoEndpoint}: ${(e as Error).message}`,
      }),
    );
  }
}
