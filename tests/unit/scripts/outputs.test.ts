import * as assert from "node:assert";
import * as path from "node:path";
import { parseOutputsArgs, readStackOutputs, sourceFromStackOutputJson } from "../../../scripts/outputs";

describe("scripts/outputs", () => {
  it("parses --stack and --out", () => {
    assert.deepStrictEqual(parseOutputsArgs(["--stack", "prod", "--out", "web/a.json"], "/x"), {
      stack: "prod",
      out: path.resolve("/x/web/a.json"),
    });
    assert.strictEqual(parseOutputsArgs(["--stack", "dev"], "/x").out, path.resolve("/x/amplify_outputs.json"));
    assert.throws(() => parseOutputsArgs([]), /--stack is required/);
    assert.throws(() => parseOutputsArgs(["--stack"]), /--stack needs a value/);
    assert.throws(() => parseOutputsArgs(["--nope"]), /unknown option --nope/);
  });

  it("says the Pulumi CLI is missing instead of ENOENT", () => {
    assert.throws(
      () => readStackOutputs("dev", "/nonexistent/pulumi"),
      /Pulumi CLI \(\/nonexistent\/pulumi\) is not installed/,
    );
  });

  it("names the keys that are wrong in foreign outputs", () => {
    assert.throws(() => sourceFromStackOutputJson("not json", "x"), /x did not print JSON/);
    assert.throws(
      () => sourceFromStackOutputJson(JSON.stringify({ stack: "dev", clients: {} }), "x"),
      /customAttributes[\s\S]*appConfig/,
    );
  });
});
