import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { amplifyConfig } from "../../../local-page/amplify-config";
import { amplifyOutputs } from "../../../outputs/amplify-outputs";
import { sourceFromStackOutputJson } from "../../../scripts/outputs";

const SAMPLE = path.join(__dirname, "../../fixtures/pulumi-stack-output/dev.json");
const source = sourceFromStackOutputJson(fs.readFileSync(SAMPLE, "utf8"), SAMPLE);

describe("local-page/amplify-config", () => {
  it("copies the emulator's endpoints into Auth.Cognito", () => {
    const c = amplifyConfig(
      amplifyOutputs(source, { userPoolEndpoint: "http://127.0.0.1:9/", identityPoolEndpoint: "http://127.0.0.1:8/" }),
    ).Auth?.Cognito;
    assert.strictEqual(c?.userPoolEndpoint, "http://127.0.0.1:9/");
    assert.strictEqual(c?.identityPoolEndpoint, "http://127.0.0.1:8/");
    assert.strictEqual(c?.userPoolClientId, source.clients.web.clientId);
  });

  it("leaves a deployed stack's file on Cognito's regional endpoints", () => {
    const c = amplifyConfig(amplifyOutputs(source)).Auth?.Cognito;
    assert.strictEqual(c?.userPoolEndpoint, undefined);
    assert.strictEqual(c?.identityPoolEndpoint, undefined);
  });
});
