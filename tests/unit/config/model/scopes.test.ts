import * as assert from "node:assert";
import { parseScope, resolveScope, resourceServersUsed } from "../../../../config/model/scopes";
import type { ResourceServerConfig } from "../../../../config/schema/clients";

const servers: Record<string, ResourceServerConfig> = {
  api: {
    identifier: "https://api.example.com",
    scopes: [
      { scopeName: "read", scopeDescription: "r" },
      { scopeName: "write", scopeDescription: "w" },
    ],
  },
  reports: { identifier: "reports", scopes: [{ scopeName: "export", scopeDescription: "e" }] },
};

describe("config/model/scopes", () => {
  it("reads standard scopes, server scopes by key or identifier, and unknowns", () => {
    assert.deepStrictEqual(parseScope("openid", servers), { kind: "standard", scope: "openid" });
    assert.deepStrictEqual(parseScope("api/read", servers), {
      kind: "custom",
      serverKey: "api",
      identifier: "https://api.example.com",
      scopeName: "read",
      defined: true,
    });
    assert.deepStrictEqual(parseScope("https://api.example.com/delete", servers), {
      kind: "custom",
      serverKey: "api",
      identifier: "https://api.example.com",
      scopeName: "delete",
      defined: false,
    });
    assert.deepStrictEqual(parseScope("billing/read", servers), {
      kind: "unknownServer",
      server: "billing",
      scopeName: "read",
    });
    assert.deepStrictEqual(parseScope("offline_access", servers), { kind: "unknown", scope: "offline_access" });
  });

  it("resolves <key>/<scope> to <identifier>/<scope> and leaves the rest alone", () => {
    assert.deepStrictEqual(
      ["api/read", "reports/export", "email", "https://api.example.com/write"].map((s) => resolveScope(s, servers)),
      ["https://api.example.com/read", "reports/export", "email", "https://api.example.com/write"],
    );
  });

  it("lists each server a client's scopes use once", () => {
    assert.deepStrictEqual(
      resourceServersUsed(["api/read", "openid", "https://api.example.com/write", "reports/export"], servers),
      ["api", "reports"],
    );
    assert.deepStrictEqual(resourceServersUsed(["openid"], servers), []);
  });
});
