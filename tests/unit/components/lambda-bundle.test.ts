import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { bundleFunction, functionArchive, NODE_RUNTIME } from "../../../components/lambda-bundle";
import { PROJECT_ROOT } from "../../../util/project-root";

/** Modules the functions share; every other file in functions/ is a function's entry point. */
const SHARED = ["email-domain.ts", "ses-client.ts"];
const FILES = fs.readdirSync(path.join(PROJECT_ROOT, "functions")).filter((f) => !SHARED.includes(f));

describe("components/lambda-bundle", () => {
  for (const file of FILES) {
    it(`${file}: the same bytes on every build, no absolute path, the AWS SDK left to the runtime`, () => {
      const a = bundleFunction(file);
      assert.strictEqual(bundleFunction(file), a);
      assert.ok(!a.includes(PROJECT_ROOT), "no absolute path");
      assert.ok(!a.includes("sourceMappingURL"), "no source map");
      assert.doesNotMatch(a, /class SESClient|class CognitoIdentityProviderClient/, "the SDK is not bundled");
    });

    it(`${file}: exports a handler function when loaded as the runtime loads index.js`, () => {
      const module = { exports: {} as Record<string, unknown> };
      const req = (id: string) => {
        // The runtime provides the SDK; a stand-in is enough to load the module.
        if (id.startsWith("@aws-sdk/")) return new Proxy({}, { get: () => class {} });
        return require(id);
      };
      vm.runInNewContext(bundleFunction(file), { module, exports: module.exports, require: req, process });
      assert.strictEqual(typeof module.exports.handler, "function");
    });
  }

  it("wraps the bundle as index.js for nodejs22.x", async () => {
    const archive = functionArchive("pre-sign-up.ts");
    const assets = (await archive.assets) as Record<string, { text: Promise<string> }>;
    assert.deepStrictEqual(Object.keys(assets), ["index.js"]);
    assert.strictEqual(await assets["index.js"].text, bundleFunction("pre-sign-up.ts"));
    assert.strictEqual(NODE_RUNTIME, "nodejs22.x");
  });
});
