import * as assert from "node:assert";
import { type AmplifyOutputs, assertOAuthConfig, assertTokenProviderConfig } from "@aws-amplify/core/internals/utils";
import { Amplify } from "aws-amplify";
import { APP_CONFIG_VERSION } from "../../../components/app-config";
import type { RunResult } from "../../../offline/runner";
import type { AppConfig, ClientOutput, SeedUserOutput } from "../../../outputs/stack-outputs";
import { one, runStack } from "../helpers";

type AuthConfig = NonNullable<AppConfig["auth"]>;
type AmplifyAuth = NonNullable<AmplifyOutputs["auth"]>;
/** Fields we write that Amplify's outputs type does not define (a misspelt name lands here). */
type Unknown =
  | Exclude<keyof AuthConfig, keyof AmplifyAuth>
  | Exclude<keyof NonNullable<AuthConfig["oauth"]>, keyof NonNullable<AmplifyAuth["oauth"]>>;
/**
 * Compile-time proof (`npm run typecheck`) that AppConfig is an AmplifyOutputs with compatible
 * types and no unknown field: otherwise the parameter type is `never` and the call below fails.
 */
const asAmplify = (c: AppConfig & ([Unknown] extends [never] ? unknown : never)): AmplifyOutputs => c;

const clients = (run: RunResult) => run.outputs.clients as Record<string, ClientOutput>;

/** Loads a stack's app config into the Amplify JS library and reads back what Amplify understood. */
function configureAmplify(run: RunResult) {
  Amplify.configure(asAmplify(run.outputs.appConfig as AppConfig));
  const cognito = Amplify.getConfig().Auth?.Cognito;
  assert.ok(cognito, "Amplify found an Auth.Cognito section");
  return cognito;
}

describe("components/stack-outputs", () => {
  let dev: RunResult;
  let prod: RunResult;
  before(async () => {
    dev = await runStack("dev");
    prod = await runStack("prod");
  });

  describe("appConfig", () => {
    it("configures Amplify with the pool, the web client and the hosted UI", () => {
      const cognito = configureAmplify(dev);
      assert.doesNotThrow(() => assertTokenProviderConfig(cognito));
      assert.doesNotThrow(() => assertOAuthConfig(cognito));
      assert.strictEqual(cognito.userPoolId, dev.outputs.userPoolId);
      assert.strictEqual(cognito.userPoolClientId, clients(dev).web.clientId);
      assert.strictEqual(cognito.identityPoolId, dev.outputs.identityPoolId);
      const oauth = cognito.loginWith?.oauth;
      assert.strictEqual(oauth?.domain, new URL(String(dev.outputs.hostedUiBaseUrl)).host);
      assert.deepStrictEqual(oauth?.redirectSignIn, ["http://localhost:3000/auth/callback"]);
      assert.deepStrictEqual(oauth?.redirectSignOut, ["http://localhost:3000/"]);
      assert.deepStrictEqual([oauth?.responseType, oauth?.scopes], ["code", ["openid", "email", "profile"]]);
      assert.strictEqual(cognito.loginWith?.email, true);
    });

    it("carries the password policy, MFA, verification and groups", () => {
      const cognito = configureAmplify(dev);
      assert.deepStrictEqual(cognito.passwordFormat, {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSpecialCharacters: true,
      });
      assert.deepStrictEqual(cognito.mfa, { status: "optional", smsEnabled: true, totpEnabled: true });
      assert.deepStrictEqual(cognito.userAttributes, { email: { required: true } });
      assert.deepStrictEqual(cognito.groups, [
        { Administrators: { precedence: 1 } },
        { PremiumCustomers: { precedence: 5 } },
        { Customers: { precedence: 10 } },
      ]);
      const auth = (dev.outputs.appConfig as AppConfig).auth;
      assert.deepStrictEqual(
        [auth?.user_verification_types, auth?.unauthenticated_identities_enabled, auth?.aws_region],
        [["email"], false, "us-east-1"],
      );
      assert.strictEqual((dev.outputs.appConfig as AppConfig).version, APP_CONFIG_VERSION);
    });

    it("maps prod's required MFA and https redirects, without an identity pool", () => {
      const cognito = configureAmplify(prod);
      assert.deepStrictEqual(cognito.mfa?.status, "on");
      assert.deepStrictEqual(cognito.loginWith?.oauth?.redirectSignIn, ["https://app.example.com/auth/callback"]);
      assert.strictEqual(cognito.identityPoolId, undefined);
      assert.ok(!("identityPoolId" in prod.outputs));
    });
  });

  describe("clients", () => {
    it("lists each client's settings, with the secret only for confidential clients", () => {
      const out = clients(dev);
      assert.deepStrictEqual(Object.keys(out), ["web", "backend", "service"]);
      assert.strictEqual(out.web.clientId, one(dev, "aws:cognito/userPoolClient:UserPoolClient", "-client-web").id);
      assert.deepStrictEqual(out.service.allowedOauthScopes, ["https://api.dev.example.com/read"]);
      assert.deepStrictEqual([out.web.kind, out.backend.kind, out.service.kind], ["web", "server", "machine"]);
      assert.deepStrictEqual(dev.secretOutputPaths.filter((p) => p.startsWith("clients.")).sort(), [
        "clients.backend.clientSecret",
        "clients.service.clientSecret",
      ]);
    });

    it("carries what a login check needs to pick clients: existence-error handling and readable attributes", () => {
      const out = clients(dev);
      const web = one(dev, "aws:cognito/userPoolClient:UserPoolClient", "-client-web").inputs;
      assert.strictEqual(out.web.preventUserExistenceErrors, web.preventUserExistenceErrors);
      assert.strictEqual(out.web.preventUserExistenceErrors, "ENABLED");
      assert.deepStrictEqual(out.web.readAttributes, web.readAttributes);
      assert.deepStrictEqual(out.service.readAttributes, []);
    });
  });

  describe("seedUsers", () => {
    it("exports each dev seed user with groups and a secret temporary password", () => {
      const users = dev.outputs.seedUsers as Record<string, SeedUserOutput>;
      assert.deepStrictEqual(Object.keys(users).sort(), ["admin@example.com", "customer@example.com"]);
      assert.deepStrictEqual(users["admin@example.com"].groups, ["Administrators"]);
      assert.ok(users["admin@example.com"].temporaryPassword.length >= 12);
      for (const u of Object.keys(users))
        assert.ok(dev.secretOutputPaths.includes(`seedUsers.${u}.temporaryPassword`), u);
    });

    it("exports none in prod", () => {
      assert.deepStrictEqual(prod.outputs.seedUsers, {});
    });
  });
});
