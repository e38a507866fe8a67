import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { SECRET_OUTPUT_NAMES, STACK_OUTPUT_NAMES } from "../../../outputs/stack-outputs-schema";
import { runStack } from "../helpers";

/** The `## Outputs` table of outputs/README.md: name -> secret column. */
function table(): Map<string, string> {
  const readme = fs.readFileSync(path.join(__dirname, "../../../outputs/README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Outputs"), readme.indexOf("## Nested types"));
  const rows = new Map<string, string>();
  for (const line of section.split("\n")) {
    const m = /^\| `(\w+)` \|.*?\| (no|\*\*yes\*\*) \|/.exec(line);
    if (m) rows.set(m[1], m[2] === "no" ? "no" : "yes");
  }
  return rows;
}

describe("outputs/README.md", () => {
  it("has one row per output of the contract, in its order", () => {
    assert.deepStrictEqual([...table().keys()], STACK_OUTPUT_NAMES);
  });

  it("marks exactly the outputs the program makes secret", async () => {
    const documented = [...table()].filter(([, secret]) => secret === "yes").map(([name]) => name);
    assert.deepStrictEqual(documented, [...SECRET_OUTPUT_NAMES]);
    for (const stack of ["dev", "prod"]) {
      const run = await runStack(stack);
      const secret = [...new Set(run.secretOutputPaths.map((p) => p.split(".")[0]))].sort();
      assert.deepStrictEqual(secret, [...SECRET_OUTPUT_NAMES].sort(), stack);
    }
  });
});
