import * as assert from "node:assert";
import { type AmplifyOutputs, assertOAuthConfig, assertTokenProviderConfig } from "@aws-amplify/core/internals/utils";
import * as pulumi from "@pulumi/pulumi";
import { Amplify } from "aws-amplify";
import { APP_CONFIG_VERSION } from "../../../components/app-config";
import { buildStackOutputs, type StackOutputsInput } from "../../../components/stack-outputs";
import type { StackModel } from "../../../config/model";
import type { RunResult } from "../../../offline/runner";
import { resolveDeep } from "../../../offline/secrets";
import type {
  AppConfig,
  ClientOutput,
  ResourceServerOutput,
  SeedUserOutput,
  StackOutputs,
  TriggerFunctionsOutput,
} from "../../../outputs/stack-outputs";
import { load, one, runStack } from "../helpers";

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
      assert.deepStrictEqual(cognito.mfa, { status: "optional", smsEnabled: false, totpEnabled: true });
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

  describe("secrets", () => {
    /** The top-level outputs with a secret anywhere inside: Pulumi makes each of them wholly secret. */
    const secretOutputs = (run: RunResult) => [...new Set(run.secretOutputPaths.map((p) => p.split(".")[0]))].sort();

    it("keeps clients and seedUsers free of secrets, so a StackReference reads client ids as plain values", () => {
      for (const run of [dev, prod]) {
        const inside = run.secretOutputPaths.filter((p) => /^(clients|seedUsers)(\.|$)/.test(p));
        assert.deepStrictEqual(inside, [], `${run.outputs.stack}: no secret in clients or seedUsers`);
        assert.deepStrictEqual(secretOutputs(run), ["clientSecrets", "seedUserPasswords"]);
      }
    });

    it("makes clientSecrets and seedUserPasswords whole secret outputs", () => {
      for (const run of [dev, prod]) {
        assert.ok(run.secretOutputPaths.includes("clientSecrets"), `${run.outputs.stack}: clientSecrets is secret`);
        assert.ok(run.secretOutputPaths.includes("seedUserPasswords"), `${run.outputs.stack}: seedUserPasswords`);
      }
    });

    it("holds each confidential client's own secret by client key, and none for public clients", async () => {
      const secrets = dev.outputs.clientSecrets as Record<string, string>;
      assert.deepStrictEqual(Object.keys(secrets).sort(), ["backend", "service"]);
      for (const key of ["backend", "service"]) {
        const created = one(dev, "aws:cognito/userPoolClient:UserPoolClient", `-client-${key}`);
        assert.strictEqual(secrets[key], (await resolveDeep(created.state.clientSecret)).value, key);
      }
      assert.deepStrictEqual(
        Object.entries(clients(dev)).map(([k, c]) => [k, c.generateSecret]),
        [
          ["web", false],
          ["backend", true],
          ["service", true],
        ],
      );
      for (const c of Object.values(clients(dev))) assert.ok(!("clientSecret" in c));
    });
  });

  describe("clients", () => {
    it("lists each client's settings", () => {
      const out = clients(dev);
      assert.deepStrictEqual(Object.keys(out), ["web", "backend", "service"]);
      assert.strictEqual(out.web.clientId, one(dev, "aws:cognito/userPoolClient:UserPoolClient", "-client-web").id);
      assert.deepStrictEqual(out.service.allowedOauthScopes, ["https://api.dev.example.com/read"]);
      assert.deepStrictEqual([out.web.kind, out.backend.kind, out.service.kind], ["web", "server", "machine"]);
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
    it("exports each dev seed user with groups, and its temporary password in seedUserPasswords", () => {
      const users = dev.outputs.seedUsers as Record<string, SeedUserOutput>;
      const passwords = dev.outputs.seedUserPasswords as Record<string, string>;
      assert.deepStrictEqual(Object.keys(users).sort(), ["admin@example.com", "customer@example.com"]);
      assert.deepStrictEqual(users["admin@example.com"], { username: "admin@example.com", groups: ["Administrators"] });
      assert.deepStrictEqual(Object.keys(passwords).sort(), Object.keys(users).sort());
      for (const u of Object.keys(users)) {
        const created = one(dev, "aws:cognito/user:User", `-${u}`);
        assert.ok(passwords[u].length >= 12, u);
        assert.strictEqual(passwords[u], created.inputs.temporaryPassword, u);
      }
    });

    it("exports none in prod", () => {
      assert.deepStrictEqual(prod.outputs.seedUsers, {});
      assert.deepStrictEqual(prod.outputs.seedUserPasswords, {});
    });
  });

  describe("what integrators register", () => {
    it("names the SAML service provider and the IdP response URLs of the hosted-UI domain", () => {
      const base = String(dev.outputs.hostedUiBaseUrl);
      assert.match(base, /^https:\/\/auth-dev-[a-z0-9]{6}\.auth\.us-east-1\.amazoncognito\.com$/);
      assert.deepStrictEqual(dev.outputs.samlServiceProvider, {
        entityId: `urn:amazon:cognito:sp:${dev.outputs.userPoolId}`,
        acsUrl: `${base}/saml2/idpresponse`,
      });
      assert.strictEqual(dev.outputs.oauthRedirectUri, `${base}/oauth2/idpresponse`);
    });

    it("lists each resource server's identifier and full scope names, which clients' scopes are drawn from", () => {
      const servers = dev.outputs.resourceServers as Record<string, ResourceServerOutput>;
      assert.deepStrictEqual(servers, {
        api: {
          identifier: "https://api.dev.example.com",
          scopes: ["https://api.dev.example.com/read", "https://api.dev.example.com/write"],
        },
      });
      const server = one(dev, "aws:cognito/resourceServer:ResourceServer").inputs;
      assert.strictEqual(servers.api.identifier, server.identifier);
      for (const scope of clients(dev).service.allowedOauthScopes) assert.ok(servers.api.scopes.includes(scope));
      assert.deepStrictEqual((prod.outputs.resourceServers as Record<string, ResourceServerOutput>).api, {
        identifier: "https://api.example.com",
        scopes: ["https://api.example.com/read", "https://api.example.com/write"],
      });
    });

    it("leaves out what a stack does not have: the SES identity with COGNITO_DEFAULT email, a custom domain", () => {
      assert.ok(!("sesIdentityArn" in dev.outputs));
      assert.ok(!("customDomain" in dev.outputs));
      assert.ok(!("customDomain" in prod.outputs), "prod uses a prefix domain");
    });

    it("exports the verified SES identity prod sends from and a custom domain's CloudFront target", async () => {
      const verification = one(prod, "aws:ses/domainIdentityVerification:DomainIdentityVerification");
      assert.strictEqual(prod.outputs.sesIdentityArn, verification.state.arn);
      const zone = await runStack("zone", "tests/fixtures/custom-domain");
      const domain = one(zone, "aws:cognito/userPoolDomain:UserPoolDomain");
      assert.deepStrictEqual(zone.outputs.customDomain, {
        domainName: domain.inputs.domain,
        cloudfrontDistribution: domain.state.cloudfrontDistribution,
        cloudfrontZoneId: domain.state.cloudfrontDistributionZoneId,
      });
    });
  });

  describe("triggerFunctions", () => {
    it("names dev's built functions with the group each domain joins and the scopes each group gets", () => {
      const f = dev.outputs.triggerFunctions as TriggerFunctionsOutput;
      assert.deepStrictEqual(f.names, ["postConfirmation", "preTokenGeneration"]);
      assert.deepStrictEqual(f.groupsByDomain, { "example.com": "Administrators", "*": "Customers" });
      const read = (dev.outputs.api as { scopes: string[] }).scopes;
      assert.ok(read.length > 0);
      for (const s of read) assert.ok(f.groupScopes?.Customers?.includes(s), `Customers get ${s}`);
      assert.ok(!("customChallengeClients" in f), "dev has no custom challenge");
    });

    it("is left out when the stack builds no function, and lists the custom challenge's clients when it has one", async () => {
      const b = {
        userPoolId: pulumi.output("us-east-1_AbC123"),
        userPoolArn: pulumi.output("arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_AbC123"),
        clients: {},
        seedUserPasswords: {},
      };
      const none = (await resolveDeep(buildStackOutputs(load("dev", {}), b))).value as StackOutputs;
      assert.ok(!("triggerFunctions" in none));
      const challenge = load("dev", {
        triggers: {
          functions: {
            customChallenge: { clients: ["web"] },
            sender: {
              from: "no-reply@example.com",
              sourceArn: "arn:aws:ses:us-east-1:111111111111:identity/example.com",
            },
          },
        },
      });
      const o = (await resolveDeep(buildStackOutputs(challenge, b))).value as StackOutputs;
      assert.deepStrictEqual(o.triggerFunctions, { names: ["customChallenge"], customChallengeClients: ["web"] });
    });
  });

  describe("buildStackOutputs", () => {
    const built = (o: Partial<StackOutputsInput> = {}): StackOutputsInput => ({
      userPoolId: pulumi.output("us-east-1_AbC123"),
      userPoolArn: pulumi.output("arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_AbC123"),
      clients: {},
      seedUserPasswords: {},
      ...o,
    });
    const resolved = async (m: StackModel, b: StackOutputsInput) =>
      (await resolveDeep(buildStackOutputs(m, b))).value as StackOutputs;
    const SES = "arn:aws:ses:us-east-1:111111111111:identity/auth.example.com";
    const target = {
      cloudfrontDistribution: pulumi.output("d111111abcdef8.cloudfront.net"),
      cloudfrontZoneId: pulumi.output("Z2FDTNDATAQYW2"),
    };

    it("without a domain: the SAML entity id only, no response URLs", async () => {
      const o = await resolved(load("dev", {}), built());
      assert.deepStrictEqual(o.samlServiceProvider, { entityId: "urn:amazon:cognito:sp:us-east-1_AbC123" });
      assert.ok(!("oauthRedirectUri" in o));
      assert.ok(!("customDomain" in o));
    });

    it("reports the SES identity ARN with DEVELOPER email only: the built identity's, else the configured one", async () => {
      const developer = load("dev", {
        messaging: {
          email: { emailSendingAccount: "DEVELOPER", fromEmailAddress: "no-reply@example.com", sourceArn: SES },
        },
      });
      const other = "arn:aws:ses:us-east-1:111111111111:identity/mail.example.com";
      const arn = async (m: StackModel, b: StackOutputsInput) => (await resolved(m, b)).sesIdentityArn;
      assert.strictEqual(await arn(developer, built({ sesIdentityArn: pulumi.output(other) })), other);
      assert.strictEqual(await arn(developer, built()), SES, "an existing identity is known from the config");
      const plain = await resolved(load("dev", {}), built({ sesIdentityArn: pulumi.output(SES) }));
      assert.ok(!("sesIdentityArn" in plain), "COGNITO_DEFAULT email sends from no SES identity");
    });

    it("reports a custom domain with its CloudFront target, and nothing for a prefix domain", async () => {
      const custom = load("dev", {
        domain: {
          customDomain: {
            domainName: "auth.example.com",
            certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc",
          },
        },
      });
      const base = pulumi.output("https://auth.example.com");
      const o = await resolved(custom, built({ hostedUiBaseUrl: base, customDomainTarget: target }));
      assert.deepStrictEqual(o.customDomain, {
        domainName: "auth.example.com",
        cloudfrontDistribution: "d111111abcdef8.cloudfront.net",
        cloudfrontZoneId: "Z2FDTNDATAQYW2",
      });
      assert.strictEqual(o.samlServiceProvider.acsUrl, "https://auth.example.com/saml2/idpresponse");
      assert.strictEqual(o.oauthRedirectUri, "https://auth.example.com/oauth2/idpresponse");
      const prefix = await resolved(load("dev", {}), built({ hostedUiBaseUrl: base, customDomainTarget: target }));
      assert.ok(!("customDomain" in prefix));
    });
  });
});
