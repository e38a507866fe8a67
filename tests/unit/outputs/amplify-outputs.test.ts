import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseAmplifyOutputs } from "@aws-amplify/core/internals/utils";
import type { AmplifyOutputsSource } from "../../../outputs/amplify-outputs";
import { amplifyOutputs, secretValues, writeAmplifyOutputs } from "../../../outputs/amplify-outputs";
import { sourceFromStackOutputJson } from "../../../scripts/outputs";

const SAMPLE = path.join(__dirname, "../../fixtures/pulumi-stack-output/dev.json");
const sample = (): AmplifyOutputsSource => sourceFromStackOutputJson(fs.readFileSync(SAMPLE, "utf8"), SAMPLE);

describe("outputs/amplify-outputs", () => {
  it("builds the Gen 2 auth section Amplify parses, from `pulumi stack output --json`", () => {
    const src = sample();
    const file = amplifyOutputs(src);
    const cognito = parseAmplifyOutputs(file).Auth?.Cognito;
    assert.strictEqual(cognito?.userPoolId, src.appConfig.auth?.user_pool_id);
    assert.strictEqual(cognito?.userPoolClientId, src.clients.web.clientId);
    assert.ok(cognito?.identityPoolId, "identity pool id carried");
    assert.deepStrictEqual(cognito?.mfa, { status: "optional", smsEnabled: false, totpEnabled: true });
    assert.strictEqual(cognito?.passwordFormat?.minLength, 12);
    assert.strictEqual(cognito?.loginWith?.oauth?.responseType, "code");
    assert.deepStrictEqual(file.custom.cognito_auth.client_key, "web");
    assert.strictEqual(file.custom.cognito_auth.emulator, undefined, "no emulator endpoints for a deployed stack");
  });

  it("adds the emulator's endpoints under custom, where Amplify ignores them", () => {
    const file = amplifyOutputs(sample(), {
      userPoolEndpoint: "http://127.0.0.1:1/",
      identityPoolEndpoint: "http://127.0.0.1:2/",
    });
    assert.deepStrictEqual(file.custom.cognito_auth.emulator, {
      user_pool_endpoint: "http://127.0.0.1:1/",
      identity_pool_endpoint: "http://127.0.0.1:2/",
    });
    assert.strictEqual(parseAmplifyOutputs(file).Auth?.Cognito.userPoolEndpoint, undefined);
  });

  it("lists custom attributes with their custom: prefix", () => {
    const src = { ...sample(), customAttributes: ["tier"] };
    assert.deepStrictEqual(amplifyOutputs(src).custom.cognito_auth.custom_attributes, ["custom:tier"]);
  });

  it("refuses a confidential client and a stack without a public client", () => {
    const src = sample();
    const confidential = { ...src, clients: { ...src.clients, web: { ...src.clients.web, generateSecret: true } } };
    assert.throws(() => amplifyOutputs(confidential), /client web of stack dev is confidential/);
    assert.throws(() => amplifyOutputs({ ...src, appConfig: { version: "1.4" } }), /no public \(web or native\)/);
  });

  it("writes the file owner-only and refuses one that would hold a secret", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amplify-outputs-"));
    const file = path.join(dir, "amplify_outputs.json");
    const out = amplifyOutputs(sample());
    writeAmplifyOutputs(file, out);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, "utf8")), out);
    const leaking = path.join(dir, "leak.json");
    assert.throws(() => writeAmplifyOutputs(leaking, out, [out.auth.user_pool_client_id]), /1 secret value/);
    assert.strictEqual(fs.existsSync(leaking), false);
  });

  it("collects secret values and skips masked ones", () => {
    assert.deepStrictEqual(
      secretValues({ clientSecrets: { backend: "s3cr3t-value" }, seedUserPasswords: { a: "[secret]" } }),
      ["s3cr3t-value"],
    );
  });
});
