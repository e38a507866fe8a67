import * as assert from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { dashboardWidgets } from "../../../components/dashboard";

const targets = { userPoolId: "us-east-1_Pool", clientIds: { web: "web-id" }, region: "eu-west-1" };
const titles = (w: ReturnType<typeof dashboardWidgets>) => w.map((x) => x.properties.title);

describe("components/dashboard", () => {
  it("shows sign-ins, sign-ups, token refreshes, federation and quota for every stack", () => {
    const w = dashboardWidgets({ ...targets, threatProtection: false }, 300);
    assert.strictEqual(w.length, 5);
    assert.ok(titles(w)[0].startsWith("Sign-ins"));
    assert.ok(w.every((x) => x.properties.region === "eu-west-1" && x.properties.period === 300));
  });

  it("adds threat protection and WAF widgets only when they exist", () => {
    const w = dashboardWidgets({ ...targets, threatProtection: true, webAclName: "acl" }, 60);
    assert.strictEqual(w.length, 7);
    assert.ok(titles(w).some((t) => t.startsWith("WAF")));
    assert.ok(titles(w).some((t) => t.startsWith("Threat protection")));
  });

  it("names the pool and the client in each per-client metric", () => {
    const [signIns] = dashboardWidgets({ ...targets, threatProtection: false }, 300);
    assert.deepStrictEqual(signIns.properties.metrics[0], [
      "AWS/Cognito",
      "SignInSuccesses",
      "UserPool",
      "us-east-1_Pool",
      "UserPoolClient",
      "web-id",
      { label: "SignInSuccesses web" },
    ]);
  });

  it("charts federation through Metrics Insights, which also matches the IdentityProvider dimension", async () => {
    const fed = dashboardWidgets({ ...targets, threatProtection: false }, 300).find((x) =>
      x.properties.title.startsWith("Federation"),
    );
    const rows = await Promise.all(
      (fed?.properties.metrics ?? []).map(
        ([q]) =>
          new Promise<unknown>((resolve) =>
            pulumi.output(q as Record<string, pulumi.Input<string>>).apply((v) => resolve(v)),
          ),
      ),
    );
    assert.deepStrictEqual(
      rows.map((r) => (r as { expression: string }).expression),
      ["FederationSuccesses", "FederationThrottles"].map(
        (m) =>
          `SELECT SUM(${m}) FROM SCHEMA("AWS/Cognito", IdentityProvider, UserPool, UserPoolClient) WHERE UserPool = 'us-east-1_Pool'`,
      ),
    );
  });

  it("lays widgets out two per row without overlap", () => {
    const w = dashboardWidgets({ ...targets, threatProtection: true, webAclName: "acl" }, 60);
    const cells = w.map((x) => `${x.x},${x.y}`);
    assert.strictEqual(new Set(cells).size, cells.length);
  });
});
