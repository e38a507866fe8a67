import * as assert from "node:assert";
import type { RunResult } from "../../../offline/runner";
import { ofType, one, runStack } from "../helpers";

const SERVER = "aws:cognito/resourceServer:ResourceServer";
const COMPONENT = "cognito-auth:index:ResourceServers";

describe("components/resource-server", () => {
  let dev: RunResult;
  let prod: RunResult;
  let fixture: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    fixture = await runStack("clients", "tests/fixtures/clients");
  });

  it("creates the preset's api server with read and write scopes, identified per stack unless the stack file says", () => {
    for (const [run, identifier] of [
      [dev, "https://api.dev.example.com"],
      [prod, "https://api.example.com"],
    ] as const) {
      const api = one(run, SERVER, "-api");
      assert.strictEqual(api.inputs.identifier, identifier);
      assert.strictEqual(api.inputs.name, "API");
      assert.deepStrictEqual(api.inputs.scopes, [
        { scopeName: "read", scopeDescription: "Read access to the API" },
        { scopeName: "write", scopeDescription: "Write access to the API" },
      ]);
      assert.strictEqual(api.inputs.userPoolId, one(run, "aws:cognito/userPool:UserPool").id);
    }
  });

  it("prod protects its servers: a renamed key or a changed identifier fails preview instead of replacing them", () => {
    for (const r of ofType(prod, SERVER)) assert.strictEqual(r.protect, true, r.name);
    for (const r of ofType(dev, SERVER)) assert.strictEqual(r.protect, false, r.name);
  });

  it("creates one server per config entry, named after its key when no name is set, under its component", () => {
    const servers = ofType(fixture, SERVER);
    assert.deepStrictEqual(servers.map((s) => s.name).sort(), [
      "cognito-resource-servers-api",
      "cognito-resource-servers-reports",
    ]);
    const reports = one(fixture, SERVER, "-reports");
    assert.deepStrictEqual(
      [reports.inputs.identifier, reports.inputs.name],
      ["https://reports.example.com", "reports"],
    );
    for (const s of servers) assert.strictEqual(s.parent, `${COMPONENT}::cognito-resource-servers`);
    assert.deepStrictEqual(fixture.createdLate, []);
  });
});
