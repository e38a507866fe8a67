import * as assert from "node:assert";
import { identityPoolClientKeys } from "../../../../config/model/identity-pool";
import { load } from "../../helpers";

describe("config/model/identity-pool", () => {
  it("accepts every web and native client unless identityPool.clients names them", () => {
    const clients = { web: { kind: "web" }, app: { kind: "native" }, api: { kind: "server" } } as const;
    assert.deepStrictEqual(identityPoolClientKeys({}, clients), ["web", "app"]);
    assert.deepStrictEqual(identityPoolClientKeys({ clients: ["app"] }, clients), ["app"]);
  });

  it("resolves the client keys into the model and drops the raw list", () => {
    const m = load("dev", { identityPool: { enabled: true, clients: ["web"] } });
    assert.deepStrictEqual(m.identityPool.clientKeys, ["web"]);
    assert.ok(!("clients" in m.identityPool));
  });
});
