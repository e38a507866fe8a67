import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, parseOutputsArgs, readStackOutputs, sourceFromStackOutputJson } from "../../../scripts/outputs";

const SAMPLE = path.join(__dirname, "../../fixtures/pulumi-stack-output/dev.json");

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

  it("writes amplify_outputs.json from what a (stand-in) Pulumi CLI prints, asking for no secrets", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outputs-cli-"));
    const cli = path.join(dir, "pulumi");
    const argsFile = path.join(dir, "args");
    fs.writeFileSync(cli, `#!/bin/sh\necho "$@" > '${argsFile}'\ncat '${SAMPLE}'\n`, { mode: 0o755 });
    const out = path.join(dir, "amplify_outputs.json");
    const saved = process.env.PULUMI_CLI;
    const write = process.stdout.write;
    process.env.PULUMI_CLI = cli;
    process.stdout.write = () => true;
    try {
      assert.strictEqual(main(["--stack", "dev", "--out", out]), 0);
    } finally {
      process.stdout.write = write;
      if (saved === undefined) delete process.env.PULUMI_CLI;
      else process.env.PULUMI_CLI = saved;
    }
    assert.strictEqual(
      fs.readFileSync(argsFile, "utf8").trim(),
      "stack output --json --show-secrets=false --stack dev",
    );
    assert.strictEqual(fs.statSync(out).mode & 0o777, 0o600);
    const file = JSON.parse(fs.readFileSync(out, "utf8"));
    assert.strictEqual(file.auth.user_pool_id, "us-east-1_dcd334768");
    assert.ok(!fs.readFileSync(out, "utf8").includes("[secret]"));
  });
});
