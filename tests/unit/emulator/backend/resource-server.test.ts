import * as assert from "node:assert";
import { resourceServerCommand, scopeIdentifiers } from "../../../../emulator/backend/resource-server";

describe("emulator/backend/resource-server", () => {
  const api = {
    userPoolId: "us-east-1_abc",
    identifier: "https://api.dev.example.com",
    name: "API",
    scopes: [
      { scopeName: "read", scopeDescription: "Read" },
      { scopeName: "write", scopeDescription: "Write" },
    ],
  };

  it("maps identifier, name and scopes", () => {
    assert.deepStrictEqual(resourceServerCommand(api), {
      UserPoolId: "us-east-1_abc",
      Identifier: "https://api.dev.example.com",
      Name: "API",
      Scopes: [
        { ScopeName: "read", ScopeDescription: "Read" },
        { ScopeName: "write", ScopeDescription: "Write" },
      ],
    });
  });

  it("names an unnamed server by its identifier, as the provider does", () => {
    assert.strictEqual(resourceServerCommand({ userPoolId: "p", identifier: "orders" }).Name, "orders");
  });

  it("computes scope identifiers", () => {
    assert.deepStrictEqual(scopeIdentifiers(api), [
      "https://api.dev.example.com/read",
      "https://api.dev.example.com/write",
    ]);
  });
});
