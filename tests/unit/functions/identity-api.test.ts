import * as assert from "node:assert";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { groupsOf, identityApi } from "../../../functions/identity-api";
import { fixtureEvent } from "./fixtures";

const run = identityApi({ adminGroup: "Administrators", adminRoute: "GET /admin" });
const event = (routeKey: string, groups?: string) => {
  const e = fixtureEvent<APIGatewayProxyEventV2WithJWTAuthorizer>("identity-api-v2");
  e.routeKey = routeKey;
  e.requestContext.routeKey = routeKey;
  if (groups === undefined) delete e.requestContext.authorizer.jwt.claims["cognito:groups"];
  else e.requestContext.authorizer.jwt.claims["cognito:groups"] = groups;
  return e;
};

describe("functions/identity-api", () => {
  it("returns the caller's identity from the authorizer's claims", async () => {
    const r = await run(event("GET /me", "[Customers]"));
    assert.strictEqual(r.statusCode, 200);
    assert.deepStrictEqual(JSON.parse(r.body ?? ""), {
      sub: "2f1b1e0c-8a27-4d3c-9b61-5d3b8c0e6f11",
      username: "2f1b1e0c-8a27-4d3c-9b61-5d3b8c0e6f11",
      clientId: "1example23456789",
      groups: ["Customers"],
      scopes: ["https://api.dev.example.com/read"],
      route: "GET /me",
    });
  });

  it("admin route: 403 for a non-admin or a user in no group, 200 for an administrator", async () => {
    assert.strictEqual((await run(event("GET /admin", "[Customers]"))).statusCode, 403);
    assert.strictEqual((await run(event("GET /admin"))).statusCode, 403);
    assert.strictEqual((await run(event("GET /admin", "[Customers Administrators]"))).statusCode, 200);
  });

  it("401 when no authorizer claims reach it", async () => {
    const e = event("GET /me");
    e.requestContext.authorizer.jwt.claims = {};
    assert.strictEqual((await run(e)).statusCode, 401);
  });

  it("reads cognito:groups in either flattened form", () => {
    assert.deepStrictEqual(groupsOf("[a b]"), ["a", "b"]);
    assert.deepStrictEqual(groupsOf('["a","b"]'), ["a", "b"]);
    assert.deepStrictEqual(groupsOf(["a"]), ["a"]);
    assert.deepStrictEqual(groupsOf(undefined), []);
    // Not a substring match: "NotAdministrators" is not "Administrators".
    assert.deepStrictEqual(groupsOf("[NotAdministrators]").includes("Administrators"), false);
    // A comma belongs to the group name: "x,Administrators" is one group, not Administrators.
    assert.deepStrictEqual(groupsOf("[x,Administrators Customers]"), ["x,Administrators", "Customers"]);
    // An unreadable claim is no groups, so the admin route answers 403 rather than throwing.
    assert.deepStrictEqual(groupsOf('["Administrators"'), []);
  });
});
