import * as assert from "node:assert";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { API_SKIP, API_STEPS, apiSteps, callApi, routeUrl, scopeGap, tokenScopes } from "../../../check/api-checks";
import { Report, StepFailure } from "../../../check/report";
import { Steps } from "../../../check/steps";
import { AWS_CAPABILITIES, EMULATOR_CAPABILITIES } from "../../../check/target";
import type { ApiOutput, StackOutputs } from "../../../outputs/stack-outputs";

const READ = "https://api.dev.example.com/read";
const SUB = "11111111-2222-3333-4444-555555555555";

/** An unsigned JWT with these claims: the fake API (like the check's own decoding) reads only the payload. */
const jwt = (claims: Record<string, unknown>): string =>
  `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;

const accessToken = (o: { scope?: string; groups?: string[]; sub?: string } = {}) =>
  jwt({
    token_use: "access",
    sub: o.sub ?? SUB,
    scope: o.scope ?? `aws.cognito.signin.user.admin ${READ}`,
    "cognito:groups": o.groups ?? ["Customers"],
  });
const idToken = (groups = ["Customers"]) =>
  jwt({ token_use: "id", sub: SUB, aud: "web-client", "cognito:groups": groups });

/** What the fake answers wrong, one fault at a time. */
interface Faults {
  /** Lets a call without a token through to the function. */
  acceptsNoToken?: boolean;
  /** Lets an ID token through (as if the routes required no scope). */
  acceptsIdToken?: boolean;
  /** /me names another subject. */
  wrongSub?: boolean;
  /** /admin lets every caller in. */
  adminOpen?: boolean;
  /** /admin is refused by the authorizer (scope), never reaching the function's group check. */
  adminScopeRefusal?: boolean;
  /** Refuses the access token as if its audience were wrong. */
  rejectsAccessToken?: boolean;
  /** The ID token is refused with this status. @default 403 (API Gateway's answer to a valid token without the route's scopes) */
  idTokenStatus?: number;
}

/**
 * Stands in for the HTTP API: the JWT authorizer (401 without a token, 403 insufficient_scope
 * without the route's scope) in front of functions/identity-api.ts's answers.
 */
async function fakeApi(f: Faults = {}): Promise<{ url: string; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    const auth = req.headers.authorization;
    calls.push(`${req.method} ${req.url} ${auth ? "token" : "none"}`);
    let claims: Record<string, unknown> = {};
    if (!auth) {
      if (!f.acceptsNoToken)
        return send(401, { message: "Unauthorized" }, { "www-authenticate": 'Bearer error="invalid_token"' });
    } else {
      claims = JSON.parse(Buffer.from(auth.replace(/^Bearer /, "").split(".")[1], "base64url").toString());
      const scopes = String(claims.scope ?? "").split(" ");
      const isId = claims.token_use === "id";
      if (!isId && f.rejectsAccessToken)
        return send(
          401,
          { message: "Unauthorized" },
          {
            "www-authenticate":
              'Bearer error="invalid_token" error_description="the token does not have a valid audience"',
          },
        );
      if (
        (isId && !f.acceptsIdToken) ||
        (!isId && !scopes.includes(READ)) ||
        (req.url === "/admin" && f.adminScopeRefusal)
      )
        return send(
          isId ? (f.idTokenStatus ?? 403) : 403,
          { message: "Forbidden" },
          {
            "www-authenticate": `Bearer scope="${READ}" error="insufficient_scope" error_description="expected scopes: [${READ}]"`,
          },
        );
    }
    const groups = (claims["cognito:groups"] as string[] | undefined) ?? [];
    if (req.url === "/admin" && !f.adminOpen && !groups.includes("Administrators"))
      return send(403, { message: "Forbidden: needs group Administrators" });
    if (req.url === "/me" || req.url === "/admin")
      return send(200, { sub: f.wrongSub ? "someone-else" : claims.sub, groups, route: `GET ${req.url}` });
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const outputsFor = (url: string, groupScopes: Record<string, string[]> = { Customers: [READ] }) => {
  const api: ApiOutput = { url, routes: ["GET /me", "GET /admin"], scopes: [READ], adminGroup: "Administrators" };
  const o: Pick<StackOutputs, "api" | "triggerFunctions"> = {
    api,
    triggerFunctions: { names: ["postConfirmation", "preTokenGeneration"], groupScopes },
  };
  return o;
};

interface Run {
  passed: string[];
  skipped: string[];
  notes: string[];
  failed?: StepFailure;
  lines: string[];
}

async function run(
  f: Faults,
  who: { accessToken?: string; idToken?: string; group?: string } = {},
  o: { caps?: typeof AWS_CAPABILITIES; groupScopes?: Record<string, string[]> } = {},
): Promise<Run & { calls: string[] }> {
  const api = await fakeApi(f);
  const lines: string[] = [];
  const steps = new Steps(new Report((l) => lines.push(l), true), "t");
  let failed: StepFailure | undefined;
  try {
    await apiSteps(
      o.caps ?? AWS_CAPABILITIES,
      outputsFor(api.url, o.groupScopes),
      {
        accessToken: who.accessToken ?? accessToken(),
        idToken: who.idToken ?? idToken(),
        sub: SUB,
        group: "group" in who ? who.group : "Customers",
      },
      steps,
    );
  } catch (e) {
    if (!(e instanceof StepFailure)) throw e;
    failed = e;
  } finally {
    await api.close();
  }
  return {
    passed: lines.flatMap((l) => /^ {2}ok {4}t (\S+)/.exec(l)?.[1] ?? []),
    skipped: lines.flatMap((l) => /^ {2}skip {2}t (\S+: .*)$/.exec(l)?.[1] ?? []),
    notes: lines.filter((l) => l.startsWith("  t: ")),
    failed,
    lines,
    calls: api.calls,
  };
}

describe("check/api-checks", () => {
  it("passes every step against an API that answers as the stack's should: 200 with the caller's sub, 401, refused ID token, 403", async () => {
    const r = await run({});
    assert.strictEqual(r.failed, undefined, r.lines.join("\n"));
    assert.deepStrictEqual(r.passed, [...API_STEPS]);
    assert.deepStrictEqual(r.skipped, []);
    assert.deepStrictEqual(r.calls, ["GET /me token", "GET /me none", "GET /me token", "GET /admin token"]);
    assert.ok(
      r.notes.some((n) => /ID token was refused with HTTP 403 .*insufficient_scope/.test(n)),
      r.notes.join("\n"),
    );
  });

  it("also takes a 401 for the ID token", async () => {
    const r = await run({ idTokenStatus: 401 });
    assert.strictEqual(r.failed, undefined, r.lines.join("\n"));
    assert.ok(r.notes.some((n) => /refused with HTTP 401/.test(n)));
  });

  const failures: Array<[string, Faults, string, RegExp]> = [
    ["a call without a token gets through", { acceptsNoToken: true }, "api-no-token", /expected 401, got HTTP 200/],
    ["the ID token gets through", { acceptsIdToken: true }, "api-id-token", /expected 401 or 403, got HTTP 200/],
    ["the ID token is refused with a 500", { idTokenStatus: 500 }, "api-id-token", /expected 401 or 403, got HTTP 500/],
    [
      "the API refuses the scoped access token",
      { rejectsAccessToken: true },
      "api-me",
      /expected 200, got HTTP 401 .*valid audience/,
    ],
    ["GET /me names someone else", { wrongSub: true }, "api-me", /names sub "someone-else"; the caller is 1111/],
    ["GET /admin lets a non-admin in", { adminOpen: true }, "api-admin-forbidden", /expected 403, got HTTP 200/],
    [
      "GET /admin is refused by the authorizer rather than the group check",
      { adminScopeRefusal: true },
      "api-admin-forbidden",
      /not from the function's group check/,
    ],
  ];
  for (const [what, faults, step, message] of failures) {
    it(`fails ${step} when ${what}`, async () => {
      const r = await run(faults);
      assert.ok(r.failed, `expected ${step} to fail:\n${r.lines.join("\n")}`);
      assert.strictEqual(r.failed.step, step);
      assert.match(r.failed.message, message);
    });
  }

  it("fails api-me when the pre-token-generation function did not add the scope the outputs promise the group", async () => {
    const r = await run({}, { accessToken: accessToken({ scope: "aws.cognito.signin.user.admin" }) });
    assert.strictEqual(r.failed?.step, "api-me");
    assert.match(r.failed.message, /without any of https:\/\/api\.dev\.example\.com\/read .* for group Customers/);
    assert.deepStrictEqual(r.calls, [], "no call is made with a token that cannot pass");
  });

  it("skips the admin route for an admin, and the scoped calls when no group of the user gets an API scope", async () => {
    const admin = await run(
      {},
      { accessToken: accessToken({ groups: ["Administrators"] }), group: "Administrators" },
      {
        groupScopes: { Administrators: [READ] },
      },
    );
    assert.strictEqual(admin.failed, undefined, admin.lines.join("\n"));
    assert.deepStrictEqual(admin.skipped, [
      "api-admin-forbidden: the check user is in Administrators (by its email domain), so it is an admin",
    ]);
    const unmapped = await run({}, {}, { groupScopes: { Administrators: [READ] } });
    assert.strictEqual(unmapped.failed, undefined);
    assert.deepStrictEqual(unmapped.passed, ["api-no-token", "api-id-token"]);
    assert.strictEqual(unmapped.skipped.length, 2);
    for (const s of unmapped.skipped)
      assert.match(s, /group Customers has none of them in triggers\.functions\.preTokenGeneration\.groupScopes/);
  });

  it("skips every call on the emulator with the reason, and does nothing without an API", async () => {
    const r = await run({}, {}, { caps: EMULATOR_CAPABILITIES });
    assert.deepStrictEqual(
      r.skipped,
      API_STEPS.map((s) => `${s}: ${API_SKIP.emulator}`),
    );
    assert.deepStrictEqual(r.calls, []);
    const lines: string[] = [];
    await apiSteps(
      AWS_CAPABILITIES,
      {},
      { accessToken: "", idToken: "", sub: SUB },
      new Steps(new Report((l) => lines.push(l), true), "t"),
    );
    assert.deepStrictEqual(lines, []);
  });

  it("reads scopes and route URLs, and says a refusal's www-authenticate", async () => {
    assert.deepStrictEqual(tokenScopes(accessToken()), ["aws.cognito.signin.user.admin", READ]);
    const api: ApiOutput = {
      url: "https://x.execute-api.us-east-1.amazonaws.com/",
      routes: ["GET /me"],
      scopes: [READ],
      adminGroup: "A",
    };
    assert.strictEqual(routeUrl(api, "/me"), "https://x.execute-api.us-east-1.amazonaws.com/me");
    assert.strictEqual(routeUrl(api, "/admin"), undefined);
    assert.strictEqual(
      scopeGap({ triggerFunctions: { names: ["preTokenGeneration"], groupScopes: { C: [READ] } } }, api, "C"),
      undefined,
    );
    assert.match(String(scopeGap({}, api, "C")), /gets none of the API's scopes/);
    const fake = await fakeApi();
    try {
      const a = await callApi(`${fake.url}/me`, undefined);
      assert.strictEqual(a.status, 401);
      assert.match(String(a.wwwAuthenticate), /invalid_token/);
    } finally {
      await fake.close();
    }
  });
});
