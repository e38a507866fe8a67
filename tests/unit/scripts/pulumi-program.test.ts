/**
 * scripts/pulumi-program.js is what `pulumi preview` and `pulumi up` load (package.json "main"): the
 * bundle of index.ts that scripts/compiled.js builds. Run under the same mocks as program.ts, it must
 * register exactly what the TypeScript sources register.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { runProgram } from "../../../offline/runner";
import * as compiled from "../../../scripts/compiled";
import { PROJECT_ROOT } from "../../../util/project-root";

type Entry = NonNullable<Parameters<typeof runProgram>[0]["entry"]>;

describe("scripts/pulumi-program.js (the entry point Pulumi loads)", function () {
  this.timeout(120_000);

  it("is package.json's main, and Pulumi.yaml asks for no TypeScript loader", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { main: string };
    assert.equal(pkg.main, "scripts/pulumi-program.js");
    const project = fs.readFileSync(path.join(PROJECT_ROOT, "Pulumi.yaml"), "utf8");
    assert.match(project, /^\s+typescript: false$/m);
    assert.doesNotMatch(project, /^\s+nodeargs:/m);
  });

  // index.ts passes the program no options, so a production stack's committed placeholders would be
  // refused: these stacks have none.
  const stacks = [
    { stack: "dev", stackDir: PROJECT_ROOT },
    { stack: "federation", stackDir: path.join(PROJECT_ROOT, "tests", "fixtures", "federation") },
  ];
  for (const { stack, stackDir } of stacks) {
    it(`registers the same resources, inputs and outputs as program.ts for ${stack}`, async () => {
      const entry = require(path.join(PROJECT_ROOT, "scripts", "pulumi-program.js")) as Entry;
      assert.equal(typeof entry, "function");
      assert.equal(compiled.staleReason("program"), undefined, "loading it left a fresh bundle");
      const fromBundle = await runProgram({ stack, stackDir, entry });
      const fromSources = await runProgram({ stack, stackDir });
      const shape = (r: typeof fromBundle) => r.resources.map((x) => ({ urn: x.urn, inputs: x.inputs }));
      assert.ok(fromSources.resources.length > 20);
      assert.deepEqual(shape(fromBundle), shape(fromSources));
      assert.deepEqual(fromBundle.outputs, fromSources.outputs);
    });
  }
});
