import * as assert from "node:assert";
import { appClientKey, PUBLIC_KINDS, signsInUsers } from "../../../../config/model/clients";
import { load } from "../../helpers";

describe("config/model/clients", () => {
  it("tells user-facing clients from machine clients", () => {
    assert.deepStrictEqual([...PUBLIC_KINDS].sort(), ["native", "web"]);
    assert.strictEqual(signsInUsers({ allowedOauthFlows: ["code"] }), true);
    assert.strictEqual(signsInUsers({ allowedOauthFlows: ["implicit"] }), true);
    assert.strictEqual(signsInUsers({ allowedOauthFlows: ["client_credentials"] }), false);
    assert.strictEqual(signsInUsers({}), false);
  });

  it("applies every client default once: name, secret, scopes as Cognito knows them, providers", () => {
    const m = load("dev", {});
    const web = m.clients.web;
    assert.deepStrictEqual(
      [web.key, web.name, web.generateSecret, web.isPublic, web.signsInUsers],
      ["web", "web", false, true, true],
    );
    assert.deepStrictEqual(web.supportedIdentityProviders, ["COGNITO"]);
    assert.strictEqual(web.defaultRedirectUri, "http://localhost:3000/auth/callback");
    const service = m.clients.service;
    assert.deepStrictEqual(service.allowedOauthScopes, ["https://api.dev.example.com/read"]);
    assert.deepStrictEqual(service.resourceServerKeys, ["api"]);
    assert.deepStrictEqual(
      [service.isPublic, service.signsInUsers, service.supportedIdentityProviders],
      [false, false, []],
    );
  });

  it("gives every client that signs users in through managed login a style, and no other", () => {
    const m = load("dev", {});
    assert.deepStrictEqual(m.clients.web.branding, { useCognitoProvidedValues: true });
    assert.deepStrictEqual(m.clients.backend.branding, { useCognitoProvidedValues: true });
    assert.strictEqual(m.clients.service.branding, undefined);
    const styled = load("dev", { domain: { branding: { settings: { components: {} } } } });
    assert.deepStrictEqual(styled.clients.web.branding, { settings: '{"components":{}}' });
    assert.strictEqual(load("dev", { domain: { managedLoginVersion: 1 } }).clients.web.branding, undefined);
  });

  it("picks the web client, else the first public client, else none", () => {
    const c = (values: Record<string, unknown>) => load("dev", { clients: values }).clients;
    const cb = { callbackUrls: ["https://a.example.com/cb"] };
    assert.strictEqual(appClientKey(c({})), "web");
    assert.strictEqual(
      appClientKey(c({ web: null, app: { kind: "native", ...cb }, spa: { kind: "web", ...cb } })),
      "app",
    );
    assert.strictEqual(appClientKey(c({ web: null })), undefined);
    assert.strictEqual(load("dev", {}).appClientKey, "web");
  });
});
