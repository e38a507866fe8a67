import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { buildFunction, bundleFunction, functionArchive, NODE_RUNTIME } from "../../../components/lambda-bundle";
import { PROJECT_ROOT } from "../../../util/project-root";

/** Modules the functions share; every other file in functions/ is a function's entry point. */
const SHARED = ["email-domain.ts", "ses-client.ts"];
const FILES = fs.readdirSync(path.join(PROJECT_ROOT, "functions")).filter((f) => !SHARED.includes(f));

describe("components/lambda-bundle", () => {
  for (const file of FILES) {
    it(`${file}: the same bytes on every build, no absolute path, the AWS SDK left to the runtime`, () => {
      const a = buildFunction(file).text;
      assert.strictEqual(buildFunction(file).text, a);
      assert.strictEqual(bundleFunction(file), a, "the cached bundle is the built one");
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

  describe("the bundle cache (.build/functions/)", () => {
    let root: string;
    const cacheOf = (file: string) => path.join(root, ".build", "functions", `${file}.json`);
    const shared = () => path.join(root, "functions", "email-domain.ts");
    beforeEach(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), "lambda-bundle-"));
      fs.cpSync(path.join(PROJECT_ROOT, "functions"), path.join(root, "functions"), { recursive: true });
      fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
      // Past the file clock's tick: a file changed in the tick a build starts in counts as written during it.
      await new Promise((r) => setTimeout(r, 50));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    /** Marks the cached text, so a reuse is told apart from a build. */
    const mark = (file: string) => {
      const entry = JSON.parse(fs.readFileSync(cacheOf(file), "utf8")) as { text: string };
      fs.writeFileSync(cacheOf(file), JSON.stringify({ ...entry, text: "// reused" }));
    };

    it("reuses a bundle while its sources are unchanged, and rebuilds when a shared module changes, old mtime or not", () => {
      const built = bundleFunction("post-confirmation.ts", root);
      assert.strictEqual(built, buildFunction("post-confirmation.ts", root).text);
      mark("post-confirmation.ts");
      assert.strictEqual(bundleFunction("post-confirmation.ts", root), "// reused");
      const before = fs.statSync(shared());
      fs.appendFileSync(shared(), "export const addedForTheTest = 1;\n");
      fs.utimesSync(shared(), before.atime, before.mtime);
      const rebuilt = bundleFunction("post-confirmation.ts", root);
      assert.notStrictEqual(rebuilt, "// reused");
      assert.strictEqual(rebuilt, buildFunction("post-confirmation.ts", root).text);
    });

    it("rebuilds a bundle cached by another esbuild or with other options", () => {
      bundleFunction("pre-sign-up.ts", root);
      mark("pre-sign-up.ts");
      const entry = JSON.parse(fs.readFileSync(cacheOf("pre-sign-up.ts"), "utf8")) as { recipe: string };
      fs.writeFileSync(cacheOf("pre-sign-up.ts"), JSON.stringify({ ...entry, recipe: '{"esbuild":"0.0.1"}' }));
      assert.strictEqual(bundleFunction("pre-sign-up.ts", root), buildFunction("pre-sign-up.ts", root).text);
    });

    it("builds every time where the cache cannot be written", () => {
      fs.writeFileSync(path.join(root, ".build"), "a file where the folder would go");
      assert.strictEqual(bundleFunction("pre-sign-up.ts", root), buildFunction("pre-sign-up.ts", root).text);
    });
  });

  it("wraps the bundle as index.js for nodejs22.x", async () => {
    const archive = functionArchive("pre-sign-up.ts");
    const assets = (await archive.assets) as Record<string, { text: Promise<string> }>;
    assert.deepStrictEqual(Object.keys(assets), ["index.js"]);
    assert.strictEqual(await assets["index.js"].text, bundleFunction("pre-sign-up.ts"));
    assert.strictEqual(NODE_RUNTIME, "nodejs22.x");
  });
});
