import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cognitoConfig, writeCognitoConfig } from "../../../outputs/cognito-config";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { runStack } from "../helpers";

describe("outputs/cognito-config", () => {
  let outputs: StackOutputs;
  before(async () => {
    outputs = (await runStack("dev")).outputs as unknown as StackOutputs;
  });

  it("holds what an app needs: pool, issuer, clients with secret and URLs, groups, seed users with password", () => {
    const c = cognitoConfig(outputs, "emulator", "http://127.0.0.1:4567", new Date("2026-01-01T00:00:00Z"));
    assert.deepStrictEqual(c.source, {
      stack: "dev",
      target: "emulator",
      endpoint: "http://127.0.0.1:4567",
      generatedAt: "2026-01-01T00:00:00.000Z",
    });
    assert.strictEqual(c.userPoolId, outputs.userPoolId);
    assert.strictEqual(c.issuer, outputs.issuer);
    assert.strictEqual(c.jwksUri, `http://127.0.0.1:4567/${outputs.userPoolId}/.well-known/jwks.json`);
    assert.strictEqual(c.hostedUiBaseUrl, outputs.hostedUiBaseUrl);
    assert.ok(outputs.clientSecrets.backend, "the dev backend is confidential");
    assert.strictEqual(c.clients.backend.clientSecret, outputs.clientSecrets.backend);
    assert.strictEqual(c.clients.web.clientSecret, undefined, "a public client has no secret");
    assert.ok(
      c.clients.web.loginUrl?.startsWith(
        `${outputs.hostedUiBaseUrl}/oauth2/authorize?client_id=${outputs.clients.web.clientId}`,
      ),
    );
    assert.ok(c.clients.web.logoutUrl?.includes("/logout?client_id="));
    assert.deepStrictEqual(c.groups, ["Administrators", "PremiumCustomers", "Customers"]);
    assert.deepStrictEqual(Object.keys(c.seedUsers).sort(), ["admin@example.com", "customer@example.com"]);
    assert.deepStrictEqual(c.seedUsers["admin@example.com"], {
      username: "admin@example.com",
      groups: ["Administrators"],
      temporaryPassword: outputs.seedUserPasswords["admin@example.com"],
    });
    assert.ok(c.seedUsers["admin@example.com"].temporaryPassword.length >= 12);
  });

  it("points at the pool's own JWKS for a real stack", () => {
    assert.strictEqual(cognitoConfig(outputs, "aws").jwksUri, outputs.jwksUri);
  });

  it("writes the file readable by its owner only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cfg-"));
    try {
      const f = path.join(dir, "cognito-config.json");
      writeCognitoConfig(f, cognitoConfig(outputs, "aws"));
      assert.strictEqual(fs.statSync(f).mode & 0o777, 0o600);
      assert.strictEqual(JSON.parse(fs.readFileSync(f, "utf8")).userPoolId, outputs.userPoolId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
