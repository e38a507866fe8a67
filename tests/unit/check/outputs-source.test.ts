import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { outputsFromFile, outputsFromPulumi } from "../../../check/outputs-source";
import { runStack } from "../helpers";

describe("check/outputs-source", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outputs-"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names every missing or wrong key of an outputs file", () => {
    const f = path.join(dir, "o.json");
    fs.writeFileSync(f, JSON.stringify({ stack: "dev", region: "us-east-1", userPoolId: "not a pool id" }));
    assert.throws(
      () => outputsFromFile(f),
      (e: unknown) =>
        e instanceof Error &&
        /do not match outputs\/stack-outputs\.ts/.test(e.message) &&
        /userPoolId: .*us-east-1_AbC123/.test(e.message) &&
        /clients:/.test(e.message),
    );
  });

  it("says when the file is missing or not JSON", () => {
    assert.throws(() => outputsFromFile(path.join(dir, "none.json")), /no such outputs file/);
    const f = path.join(dir, "bad.json");
    fs.writeFileSync(f, "{");
    assert.throws(() => outputsFromFile(f), /is not JSON/);
  });

  it("explains how to go on when the Pulumi CLI is missing", () => {
    assert.throws(() => outputsFromPulumi("dev", dir, "no-such-pulumi-cli"), /not installed.*--outputs outputs\.json/s);
  });

  it("reads `pulumi stack output --json --show-secrets --stack <s>` and a file of the same", async () => {
    const doc = (await runStack("dev")).outputs;
    const json = path.join(dir, "dev.json");
    fs.writeFileSync(json, JSON.stringify(doc));
    const fake = path.join(dir, "pulumi-ok");
    fs.writeFileSync(
      fake,
      `#!/bin/sh\n[ "$*" = "stack output --json --show-secrets --stack dev" ] || exit 9\ncat ${json}\n`,
      { mode: 0o755 },
    );
    assert.deepStrictEqual(
      outputsFromPulumi("dev", dir, fake).clients.web,
      doc.clients && (doc.clients as Record<string, unknown>).web,
    );
    assert.strictEqual(outputsFromFile(json).userPoolId, doc.userPoolId);
  });

  it("reports a failing Pulumi CLI with its stderr", () => {
    const fake = path.join(dir, "pulumi");
    fs.writeFileSync(fake, "#!/bin/sh\necho 'error: no stack named dev' >&2\nexit 255\n", { mode: 0o755 });
    assert.throws(() => outputsFromPulumi("dev", dir, fake), /exited 255:\nerror: no stack named dev/);
  });
});
