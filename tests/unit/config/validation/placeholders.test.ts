import * as assert from "node:assert";
import { ConfigError } from "../../../../config/errors";
import { loadConfig } from "../../../../config/load";
import { engineConfigFromFiles, readStackFiles } from "../../../../config/stack-file";
import { assertIssue, configInput } from "../../helpers";

const ROOT = `${__dirname}/../../../..`;

/** The committed prod stack file, as the engine would hand it to a real `pulumi up`. */
function committedProd(allowPlaceholders: boolean) {
  const files = readStackFiles("prod", ROOT);
  const { config, secretKeys } = engineConfigFromFiles(files);
  return () => loadConfig({ stack: "prod", engineConfig: config, secretKeys, files, allowPlaceholders });
}

describe("config/validation/placeholders", () => {
  it("refuses the committed example.com placeholders on a real prod deployment, naming each", () => {
    let error: unknown;
    try {
      committedProd(false)();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ConfigError);
    for (const path of [
      "messaging.email.fromEmailAddress",
      "messaging.email.identity",
      "messaging.email.hostedZoneId",
      "clients.web.callbackUrls[0]",
      "resourceServers.api.identifier",
    ]) {
      assertIssue(error.issues, path, "placeholder from the example stack file");
    }
  });

  it("accepts them offline (plans and the emulator deploy nothing real)", () => {
    assert.strictEqual(committedProd(true)().environment, "prod");
  });

  it("leaves dev stacks alone", () => {
    assert.strictEqual(loadConfig(configInput("dev", {}, "us-east-1", false)).environment, "dev");
  });

  it("accepts a prod stack with its own values", () => {
    const own = {
      messaging: {
        email: {
          fromEmailAddress: "Auth <no-reply@auth.acme.io>",
          identity: "auth.acme.io",
          hostedZoneId: "Z04567891ABCDEFGHIJKL",
        },
      },
      clients: {
        web: { callbackUrls: ["https://app.acme.io/cb"], logoutUrls: ["https://app.acme.io/"] },
        backend: { callbackUrls: ["https://app.acme.io/api/cb"], logoutUrls: ["https://app.acme.io/"] },
      },
      resourceServers: { api: { identifier: "https://api.acme.io" } },
    };
    assert.strictEqual(
      loadConfig(configInput("prod", own, "us-east-1", false)).messaging.email.identity,
      "auth.acme.io",
    );
  });
});
