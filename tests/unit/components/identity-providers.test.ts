import * as assert from "node:assert";
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { IdentityProviders, providerDetails } from "../../../components/identity-providers";
import type { ConfigError } from "../../../config/errors";
import { OFFLINE_SECRET_PLACEHOLDER } from "../../../config/stack-file";
import type { RecordedResource } from "../../../offline/recorded-resource";
import type { RunResult } from "../../../offline/runner";
import { load, ofType, recordingMocks, runStack, settled } from "../helpers";

const IDP = "aws:cognito/identityProvider:IdentityProvider";
/** The wire marker of a Pulumi secret (what the engine receives and stores per value). */
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const FIXTURES = `${__dirname}/../../fixtures`;

describe("components/identity-providers", () => {
  let fed: RunResult;
  let dev: RunResult;
  let prod: RunResult;
  before(async () => {
    fed = await runStack("federation", `${FIXTURES}/federation`);
    dev = await runStack("dev");
    prod = await runStack("prod");
  });
  const byName = (providerName: string): RecordedResource => {
    const found = ofType(fed, IDP).filter((r) => r.inputs.providerName === providerName);
    assert.strictEqual(found.length, 1, `one provider named ${providerName}`);
    return found[0];
  };

  it("creates one provider per entry, named by its key, with Cognito's type, under the component", () => {
    const types = Object.fromEntries(ofType(fed, IDP).map((r) => [r.inputs.providerName, r.inputs.providerType]));
    assert.deepStrictEqual(types, {
      Google: "Google",
      Facebook: "Facebook",
      SignInWithApple: "SignInWithApple",
      LoginWithAmazon: "LoginWithAmazon",
      Okta: "OIDC",
      LegacyIdp: "OIDC",
      EntraId: "SAML",
      Adfs: "SAML",
    });
    for (const r of ofType(fed, IDP)) {
      assert.strictEqual(r.parent, "cognito-auth:index:IdentityProviders::cognito-idps");
      assert.strictEqual(r.inputs.userPoolId, ofType(fed, "aws:cognito/userPool:UserPool")[0].id);
    }
    assert.deepStrictEqual(fed.createdLate, [], "no provider is created inside an apply");
  });

  // The mocks push a nested secret up to its top-level property (the SDK's deserializeProperties), so
  // the runner sees `providerDetails`; on the wire only the leaves are secret (see below).
  it("sends the secure config values as Pulumi secrets, and only providerDetails holds any", () => {
    for (const name of ["Google", "Facebook", "LoginWithAmazon", "Okta", "LegacyIdp"]) {
      const r = byName(name);
      assert.deepStrictEqual(r.secretPaths, ["providerDetails"], name);
      assert.strictEqual(
        (r.inputs.providerDetails as Record<string, string>).client_secret,
        OFFLINE_SECRET_PLACEHOLDER,
        name,
      );
    }
    const apple = byName("SignInWithApple");
    assert.deepStrictEqual(apple.secretPaths, ["providerDetails"]);
    assert.strictEqual(
      (apple.inputs.providerDetails as Record<string, string>).private_key,
      OFFLINE_SECRET_PLACEHOLDER,
    );
    for (const name of ["EntraId", "Adfs"])
      assert.deepStrictEqual(byName(name).secretPaths, [], `${name} has no secret`);
  });

  it("passes each type's settings through: API version, request method, identifiers, SAML flags, mapping", () => {
    const fb = byName("Facebook").inputs.providerDetails as Record<string, string>;
    assert.strictEqual(fb.api_version, "v19.0");
    assert.strictEqual(fb.token_url, "https://graph.facebook.com/v19.0/oauth/access_token");
    const okta = byName("Okta");
    assert.strictEqual((okta.inputs.providerDetails as Record<string, string>).attributes_request_method, "POST");
    assert.deepStrictEqual(okta.inputs.idpIdentifiers, ["example.com"]);
    assert.strictEqual(
      (byName("LegacyIdp").inputs.providerDetails as Record<string, string>).jwks_uri,
      "https://legacy.example.com/oauth/jwks",
    );
    const adfs = byName("Adfs").inputs.providerDetails as Record<string, string>;
    assert.deepStrictEqual(
      [adfs.EncryptedResponses, adfs.IDPInit, adfs.RequestSigningAlgorithm],
      ["true", "true", "rsa-sha256"],
    );
    assert.strictEqual((byName("EntraId").inputs.providerDetails as Record<string, string>).IDPSignout, "true");
    assert.strictEqual(
      (byName("EntraId").inputs.attributeMapping as Record<string, string>).name,
      "http://schemas.microsoft.com/identity/claims/displayname",
    );
    assert.strictEqual(
      (byName("LoginWithAmazon").inputs.attributeMapping as Record<string, string>).given_name,
      "name",
    );
  });

  it("on the wire only client_secret and private_key are secret, not the whole providerDetails map", async () => {
    await recordingMocks();
    const model = load("dev", {
      identityProviders: {
        Google: { type: "google", clientId: "g-id", clientSecret: { secure: "v1:x" } },
        SignInWithApple: {
          type: "apple",
          clientId: "com.example.web",
          teamId: "T",
          keyId: "K",
          privateKey: { secure: "v1:y" },
        },
      },
    });
    for (const [name, secretKey] of [
      ["Google", "client_secret"],
      ["SignInWithApple", "private_key"],
    ] as const) {
      // What the SDK sends the engine for this input, and so what the state's inputs hold.
      const wire = (
        await serializeProperties("test", { providerDetails: providerDetails(model.identityProviders[name]) })
      ).providerDetails as Record<string, unknown>;
      assert.deepStrictEqual(wire[secretKey], { ...SECRET_SIG, value: OFFLINE_SECRET_PLACEHOLDER }, name);
      for (const [k, v] of Object.entries(wire))
        if (k !== secretKey) assert.strictEqual(typeof v, "string", `${name}: ${k} is a plain value`);
    }
  });

  describe("diffs on real AWS (DescribeIdentityProvider) and key rotation", () => {
    const SAML_DERIVED = [
      "providerDetails.ActiveEncryptionCertificate",
      "providerDetails.SSORedirectBindingURI",
      "providerDetails.SLORedirectBindingURI",
    ];

    it("ignores exactly the keys Cognito never returns (Apple's private_key) or derives (SAML metadata)", () => {
      const ignored = Object.fromEntries(ofType(fed, IDP).map((r) => [r.inputs.providerName, r.ignoreChanges]));
      assert.deepStrictEqual(ignored, {
        Google: [],
        Facebook: [],
        SignInWithApple: ["providerDetails.private_key"],
        LoginWithAmazon: [],
        Okta: [],
        LegacyIdp: [],
        EntraId: SAML_DERIVED,
        Adfs: SAML_DERIVED,
      });
    });

    it("sends a rotated Apple key on the up that sets sendPrivateKey, and ignores it otherwise", async () => {
      const optsFor = async (sendPrivateKey?: boolean) => {
        await recordingMocks();
        const model = load("dev", {
          identityProviders: {
            SignInWithApple: {
              type: "apple",
              clientId: "c",
              teamId: "T",
              keyId: "K",
              privateKey: { secure: "v1:y" },
              ...(sendPrivateKey === undefined ? {} : { sendPrivateKey }),
            },
          },
        });
        const opts: Record<string, pulumi.CustomResourceOptions> = {};
        const idps = new IdentityProviders("t", {
          providers: model.identityProviders,
          userPoolId: "us-east-1_x",
          transform: {
            identityProvider: (_a: aws.cognito.IdentityProviderArgs, o, name) => {
              opts[name] = o;
            },
          },
        });
        await settled(idps.providers.SignInWithApple.id);
        return opts["t-SignInWithApple"];
      };
      assert.deepStrictEqual((await optsFor()).ignoreChanges, ["providerDetails.private_key"]);
      assert.deepStrictEqual((await optsFor(false)).ignoreChanges, ["providerDetails.private_key"]);
      const rotation = await optsFor(true);
      assert.deepStrictEqual(rotation.ignoreChanges, [], "the key is an ordinary input for that up");
      assert.strictEqual(rotation.deleteBeforeReplace, true);
      assert.strictEqual(rotation.additionalSecretOutputs, undefined, "only the secret leaves are secret");
    });
  });

  it("the committed stacks federate with nobody (their secrets would need real encrypted values)", () => {
    assert.strictEqual(ofType(dev, IDP).length, 0);
    assert.strictEqual(ofType(prod, IDP).length, 0);
  });

  it("a plain-text client secret stops the run before any resource, naming the key and the fix", async () => {
    await assert.rejects(runStack("federation-plain", `${FIXTURES}/federation-plain`), (e: unknown) => {
      assert.ok(e instanceof Error && e.message.includes("config problem"), String(e));
      const issues = (e as ConfigError).issues;
      assert.ok(Array.isArray(issues), "a ConfigError with issues");
      assert.deepStrictEqual(
        issues.map((i) => i.path),
        ["identityProviders.Google.clientSecret"],
      );
      assert.ok(
        e.message.includes("pulumi config set --secret --path 'identityProviders.Google.clientSecret' <value>"),
        e.message,
      );
      assert.ok(!e.message.includes("GOCSPX-plain-text-secret"), "the plain secret is never echoed");
      return true;
    });
  });
});
