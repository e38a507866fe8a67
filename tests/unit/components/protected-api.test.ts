import * as assert from "node:assert";
import { OFFLINE_ACCOUNT } from "../../../offline/backend";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

describe("components/protected-api", () => {
  let dev: RunResult;
  let prod: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
  });

  it("a JWT authorizer whose issuer is the pool and whose audience is the chosen clients", () => {
    const pool = one(dev, "aws:cognito/userPool:UserPool");
    const web = ofType(dev, "aws:cognito/userPoolClient:UserPoolClient").find((c) => c.inputs.name === "web");
    const a = one(dev, "aws:apigatewayv2/authorizer:Authorizer").inputs;
    assert.strictEqual(a.authorizerType, "JWT");
    assert.deepStrictEqual(a.identitySources, ["$request.header.Authorization"]);
    assert.deepStrictEqual(a.jwtConfiguration, {
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${pool.id}`,
      audiences: [web?.id],
    });
  });

  it("every route needs the JWT and the API scope (ID tokens carry none); /admin too", () => {
    const routes = ofType(dev, "aws:apigatewayv2/route:Route").map((r) => r.inputs);
    assert.deepStrictEqual(routes.map((r) => r.routeKey).sort(), ["GET /admin", "GET /me"]);
    for (const r of routes) {
      assert.strictEqual(r.authorizationType, "JWT");
      assert.deepStrictEqual(r.authorizationScopes, ["https://api.dev.example.com/read"]);
    }
    const fn = ofType(dev, "aws:lambda/function:Function").find(
      (f) => f.inputs.name === "cognito-auth-dev-identity-api",
    );
    assert.deepStrictEqual(fn?.inputs.environment, {
      variables: { ADMIN_GROUP: "Administrators", ADMIN_ROUTE: "GET /admin" },
    });
  });

  it("API Gateway may invoke the function from this API only; the stage auto-deploys with access logs", () => {
    const api = one(dev, "aws:apigatewayv2/api:Api");
    const perm = ofType(dev, "aws:lambda/permission:Permission").find(
      (p) => p.inputs.principal === "apigateway.amazonaws.com",
    );
    assert.strictEqual(perm?.inputs.sourceArn, `arn:aws:execute-api:us-east-1:${OFFLINE_ACCOUNT}:${api.id}/*/*`);
    assert.strictEqual(perm?.inputs.function, "cognito-auth-dev-identity-api");
    const stage = one(dev, "aws:apigatewayv2/stage:Stage").inputs;
    assert.deepStrictEqual([stage.name, stage.autoDeploy], ["$default", true]);
    const logs = ofType(dev, "aws:cloudwatch/logGroup:LogGroup").find(
      (g) => g.inputs.name === "/aws/apigateway/cognito-auth-dev-api",
    );
    assert.strictEqual(
      (stage.accessLogSettings as { destinationArn: string }).destinationArn,
      `arn:aws:logs:us-east-1:${OFFLINE_ACCOUNT}:log-group:${String(logs?.inputs.name)}`,
    );
  });

  it("outputs the API URL and routes; prod without api has none", () => {
    const outputs = dev.outputs as Record<string, unknown>;
    const api = outputs.api as { url: string; routes: string[]; scopes: string[]; adminGroup: string };
    assert.match(api.url, /^https:\/\/\w+\.execute-api\.us-east-1\.amazonaws\.com$/);
    assert.deepStrictEqual(api.routes, ["GET /me", "GET /admin"]);
    assert.deepStrictEqual(api.adminGroup, "Administrators");
    assert.strictEqual((prod.outputs as Record<string, unknown>).api, undefined);
    assert.strictEqual(ofType(prod, "aws:apigatewayv2/api:Api").length, 0);
  });
});
