import * as assert from "node:assert";
import type * as pulumi from "@pulumi/pulumi";
import { CognitoAuth } from "../../../components/cognito-auth";
import { offlineBackend, type ResourceBackend } from "../../../offline/backend";
import type { RecordedResource } from "../../../offline/recorded-resource";
import { type RunResult, runProgram } from "../../../offline/runner";
import { resolveDeep } from "../../../offline/secrets";
import { load, ofType, one, recordingMocks, runStack, settled } from "../helpers";

const CLIENT = "aws:cognito/userPoolClient:UserPoolClient";
const BRANDING = "aws:cognito/managedLoginBranding:ManagedLoginBranding";
const COMPONENT = "cognito-auth:index:CognitoUserPoolClient";
const FIXTURE = "tests/fixtures/clients";
type Outputs = Record<string, Record<string, unknown>>;

const client = (run: RunResult, key: string): RecordedResource => one(run, CLIENT, `-client-${key}`);
const clientOutputs = (run: RunResult): Outputs => run.outputs.clients as Outputs;

/** The offline backend, except that client secrets come back as plain strings, as a provider might. */
function plainSecretBackend(): ResourceBackend {
  const inner = offlineBackend("us-east-1");
  return {
    async newResource(args) {
      const created = await inner.newResource(args);
      if (args.type === CLIENT && "clientSecret" in created.state)
        return { id: created.id, state: { ...created.state, clientSecret: `plain-${args.name}` } };
      return created;
    },
    call: (args) => inner.call(args),
  };
}

describe("components/user-pool-client", () => {
  let dev: RunResult;
  let prod: RunResult;
  let fixture: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
    fixture = await runStack("clients", FIXTURE);
  });

  it("makes the web client public with the code flow only and the recipe's settings", () => {
    const i = client(dev, "web").inputs;
    assert.strictEqual(i.generateSecret, false);
    assert.deepStrictEqual(i.allowedOauthFlows, ["code"]);
    assert.strictEqual(i.allowedOauthFlowsUserPoolClient, true);
    assert.deepStrictEqual(i.allowedOauthScopes, ["openid", "email", "profile"]);
    assert.deepStrictEqual(i.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    assert.deepStrictEqual(i.callbackUrls, ["http://localhost:3000/auth/callback"]);
    assert.strictEqual(i.defaultRedirectUri, "http://localhost:3000/auth/callback");
    assert.deepStrictEqual(i.supportedIdentityProviders, ["COGNITO"]);
    assert.deepStrictEqual([i.accessTokenValidity, i.idTokenValidity, i.refreshTokenValidity], [60, 60, 30]);
    assert.deepStrictEqual(i.tokenValidityUnits, { accessToken: "minutes", idToken: "minutes", refreshToken: "days" });
    assert.deepStrictEqual(
      [i.authSessionValidity, i.preventUserExistenceErrors, i.enableTokenRevocation],
      [3, "ENABLED", true],
    );
    assert.ok(Array.isArray(i.readAttributes) && i.readAttributes.includes("custom:customer_tier"));
    assert.deepStrictEqual(
      i.writeAttributes,
      ["email", "given_name", "family_name", "name"],
      "email is writable so a federated sign-in can set it",
    );
    assert.strictEqual(i.name, "web");
    assert.strictEqual(clientOutputs(dev).web.generateSecret, false);
    assert.ok(!("web" in (dev.outputs.clientSecrets as Record<string, string>)), "a public client exports no secret");
  });

  it("prod protects its clients: a renamed key or a replacing change fails preview instead of minting a new client id", () => {
    for (const c of ofType(prod, CLIENT)) assert.strictEqual(c.protect, true, c.name);
    for (const c of ofType(dev, CLIENT)) assert.strictEqual(c.protect, false, c.name);
  });

  it("gives the machine client client_credentials with the API's read scope, depending on the resource server", () => {
    const r = client(dev, "service");
    assert.deepStrictEqual(r.inputs.allowedOauthFlows, ["client_credentials"]);
    assert.deepStrictEqual(r.inputs.allowedOauthScopes, ["https://api.dev.example.com/read"]);
    assert.strictEqual(r.inputs.generateSecret, true);
    assert.strictEqual(r.inputs.supportedIdentityProviders, undefined);
    assert.deepStrictEqual(r.dependsOn, ["aws:cognito/resourceServer:ResourceServer::cognito-resource-servers-api"]);
  });

  it("exports client secrets in their own secret output, never inside clients", async () => {
    assert.ok(dev.secretOutputPaths.includes("clientSecrets"));
    assert.deepStrictEqual(
      dev.secretOutputPaths.filter((p) => p.startsWith("clients.") || p === "clients"),
      [],
    );
    for (const key of ["backend", "service"]) {
      const created = (await resolveDeep(client(dev, key).state.clientSecret)).value;
      assert.ok(typeof created === "string" && created.length > 0);
      assert.strictEqual(
        (dev.outputs.clientSecrets as Record<string, string>)[key],
        created,
        "the output is the client's own secret",
      );
    }
  });

  it("keeps the secret a secret output even when the provider returns it in plain text", async () => {
    const run = await runStack("dev").then(() => runProgram({ stack: "dev", backend: plainSecretBackend() }));
    assert.strictEqual((run.outputs.clientSecrets as Record<string, string>).backend, "plain-cognito-client-backend");
    assert.ok(run.secretOutputPaths.includes("clientSecrets"));
  });

  it("builds the hosted-UI login and logout URLs from the first callback and logout URL", () => {
    const web = clientOutputs(dev).web;
    const base = String(dev.outputs.hostedUiBaseUrl);
    const login = new URL(String(web.loginUrl));
    assert.strictEqual(`${login.origin}${login.pathname}`, `${base}/oauth2/authorize`);
    assert.deepStrictEqual(Object.fromEntries(login.searchParams), {
      client_id: web.clientId,
      response_type: "code",
      scope: "openid email profile",
      redirect_uri: "http://localhost:3000/auth/callback",
    });
    assert.strictEqual(
      web.logoutUrl,
      `${base}/logout?client_id=${String(web.clientId)}&logout_uri=${encodeURIComponent("http://localhost:3000/")}`,
    );
    assert.ok(
      !("loginUrl" in clientOutputs(dev).service) && !("logoutUrl" in clientOutputs(dev).service),
      "a machine client has no hosted-UI URLs",
    );
  });

  it("has no localhost URL and no implicit flow in prod", () => {
    const clients = ofType(prod, CLIENT);
    assert.strictEqual(clients.length, 3);
    for (const c of clients) {
      const urls = [...((c.inputs.callbackUrls as string[]) ?? []), ...((c.inputs.logoutUrls as string[]) ?? [])];
      for (const u of urls) assert.match(u, /^https:\/\/(?!localhost|127\.0\.0\.1)/, `${c.name}: ${u}`);
      assert.ok(!((c.inputs.allowedOauthFlows as string[]) ?? []).includes("implicit"), c.name);
    }
    assert.deepStrictEqual(client(prod, "web").inputs.callbackUrls, ["https://app.example.com/auth/callback"]);
  });

  it("names the configured providers and depends on them and on the resource servers it uses", () => {
    const web = client(fixture, "web");
    assert.deepStrictEqual(web.inputs.supportedIdentityProviders, ["COGNITO", "Google"]);
    assert.deepStrictEqual([...web.dependsOn].sort(), [
      "aws:cognito/identityProvider:IdentityProvider::cognito-idps-Google",
      "aws:cognito/resourceServer:ResourceServer::cognito-resource-servers-api",
    ]);
    const mobile = client(fixture, "mobile");
    assert.deepStrictEqual(
      mobile.inputs.supportedIdentityProviders,
      ["Google"],
      "includeCognito false leaves COGNITO out",
    );
    assert.deepStrictEqual(mobile.inputs.callbackUrls, ["myapp://auth/callback"]);
    const service = client(fixture, "service");
    assert.deepStrictEqual(service.inputs.allowedOauthScopes, [
      "https://api.clients.example.com/read",
      "https://api.clients.example.com/write",
      "https://reports.example.com/export",
    ]);
    assert.deepStrictEqual([...service.dependsOn].sort(), [
      "aws:cognito/resourceServer:ResourceServer::cognito-resource-servers-api",
      "aws:cognito/resourceServer:ResourceServer::cognito-resource-servers-reports",
    ]);
  });

  it("maps every remaining key: default redirect, token units, rotation, names and an allowed implicit flow", () => {
    const web = client(fixture, "web").inputs;
    assert.strictEqual(web.defaultRedirectUri, "https://dev.example.com/auth/callback");
    assert.deepStrictEqual(
      [web.accessTokenValidity, web.idTokenValidity, web.refreshTokenValidity, web.authSessionValidity],
      [2, 2, 7, 10],
    );
    assert.deepStrictEqual(web.tokenValidityUnits, { accessToken: "hours", idToken: "hours", refreshToken: "days" });
    assert.deepStrictEqual(web.refreshTokenRotation, { feature: "ENABLED", retryGracePeriodSeconds: 10 });
    assert.deepStrictEqual(web.explicitAuthFlows, ["ALLOW_USER_SRP_AUTH"]);
    const legacy = client(fixture, "legacy");
    assert.deepStrictEqual([legacy.inputs.name, legacy.inputs.allowedOauthFlows], ["Legacy SPA", ["implicit"]]);
    assert.ok(
      !("loginUrl" in clientOutputs(fixture).legacy),
      "the code-flow login URL does not apply to an implicit client",
    );
    assert.strictEqual(client(fixture, "backend").inputs.enablePropagateAdditionalUserContextData, true);
  });

  describe("managed login branding", () => {
    it("gives each client that signs users in Cognito's provided style by default, and none to machine clients", () => {
      const brandings = ofType(dev, BRANDING);
      assert.deepStrictEqual(brandings.map((b) => b.name).sort(), [
        "cognito-client-backend-branding",
        "cognito-client-web-branding",
      ]);
      for (const b of brandings) {
        const key = b.name.replace(/^cognito-client-|-branding$/g, "");
        assert.strictEqual(b.parent, `${COMPONENT}::cognito-client-${key}`, "a child of its client");
        assert.strictEqual(b.inputs.clientId, one(dev, CLIENT, `-client-${key}`).id);
        assert.strictEqual(b.inputs.userPoolId, one(dev, "aws:cognito/userPool:UserPool").id);
        assert.strictEqual(b.inputs.useCognitoProvidedValues, true);
        assert.strictEqual(b.inputs.settings, undefined);
        assert.deepStrictEqual(b.dependsOn, ["aws:cognito/userPoolDomain:UserPoolDomain::cognito-domain"]);
      }
    });

    it("applies configured settings as JSON instead", () => {
      const brandings = ofType(fixture, BRANDING);
      assert.deepStrictEqual(
        brandings.map((b) => b.name).sort(),
        ["backend", "legacy", "mobile", "web"].map((k) => `cognito-client-${k}-branding`),
      );
      for (const b of brandings) {
        assert.deepStrictEqual(JSON.parse(String(b.inputs.settings)), {
          components: { pageBackground: { lightMode: { color: "f2f8fdff" } } },
        });
        assert.strictEqual(b.inputs.useCognitoProvidedValues, undefined);
      }
    });

    it("brands nothing with the classic hosted UI (version 1)", async () => {
      const zone = await runStack("zone", "tests/fixtures/custom-domain");
      assert.strictEqual(one(zone, "aws:cognito/userPoolDomain:UserPoolDomain").inputs.managedLoginVersion, 1);
      assert.deepStrictEqual(ofType(zone, BRANDING), []);
    });

    it("keeps styles created under the domain component in place with an alias", async () => {
      await recordingMocks();
      const aliases = new Map<string, unknown>();
      const auth = new CognitoAuth(
        "t",
        { model: load("dev", {}) },
        {
          transformations: [
            (args) => {
              if (args.type === BRANDING) aliases.set(args.name, args.opts.aliases);
              return undefined;
            },
          ],
        },
      );
      await settled(auth.clients.web.clientId);
      assert.deepStrictEqual([...aliases.keys()].sort(), ["t-client-backend-branding", "t-client-web-branding"]);
      const [alias] = aliases.get("t-client-web-branding") as Array<{ name: string; parent: unknown }>;
      assert.strictEqual(alias.name, "t-domain-branding-web");
      const domain = auth.domain;
      assert.ok(domain, "the dev stack has a domain");
      assert.strictEqual(alias.parent, domain.urn, "the old parent: the domain component, by its URN");
      const urn = await new Promise<string>((resolve) => domain.urn.apply(resolve));
      assert.match(urn, /CognitoUserPoolDomain::t-domain$/);
    });
  });

  it("parents each client to its component and creates nothing late", () => {
    for (const run of [dev, prod, fixture]) {
      assert.ok(ofType(run, CLIENT).length >= 3, `${run.stack} has clients`);
      for (const c of ofType(run, CLIENT)) assert.strictEqual(c.parent, `${COMPONENT}::${c.name}`);
      assert.deepStrictEqual(run.createdLate, [], run.stack);
    }
  });

  it("lets transform.client change args and keeps clientSecret an additional secret output", async () => {
    const created = await recordingMocks();
    const seen: pulumi.CustomResourceOptions[] = [];
    const auth = new CognitoAuth("t", {
      model: load("dev", {}),
      transform: {
        clients: {
          client: (args, opts, name) => {
            if (name.endsWith("-web")) args.idTokenValidity = 30;
            seen.push(opts);
          },
        },
      },
    });
    await settled(auth.clients.web.clientId);
    await settled(auth.clients.service.clientId);
    const web = created.find((r) => r.type === CLIENT && r.name === "t-client-web");
    assert.strictEqual(web?.inputs.idTokenValidity, 30);
    assert.strictEqual(
      created.find((r) => r.type === CLIENT && r.name === "t-client-service")?.inputs.idTokenValidity,
      60,
    );
    assert.strictEqual(seen.length, 3);
    for (const o of seen) assert.deepStrictEqual(o.additionalSecretOutputs, ["clientSecret"]);
  });
});
