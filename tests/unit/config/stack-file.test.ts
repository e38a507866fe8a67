import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConfigError } from "../../../config/errors";
import {
  engineConfigFromFiles,
  isSecureLeaf,
  OFFLINE_SECRET_PLACEHOLDER,
  readStackFiles,
  replaceSecureLeaves,
  stackNames,
  stacksIn,
} from "../../../config/stack-file";

describe("config/stack-file", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        "name: cognito-auth",
        "config:",
        "  cognito-auth:tags:",
        "    value: { team: auth }",
        "  environment:",
        "    type: string",
        "    description: a declaration without a default sets no value",
        "  cognito-auth:note:",
        "    type: string",
        "    default: hello",
      ].join("\n"),
    );
    fs.writeFileSync(
      path.join(dir, "Pulumi.s.yaml"),
      [
        "config:",
        "  aws:region: eu-west-1",
        "  cognito-auth:environment: dev",
        "  cognito-auth:identityProviders:",
        "    Google:",
        "      type: google",
        "      clientSecret:",
        "        secure: v1:abcdef",
      ].join("\n"),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads the stack file and the project-level defaults", () => {
    const f = readStackFiles("s", dir);
    assert.strictEqual(f.exists, true);
    assert.strictEqual(f.stackFile, "Pulumi.s.yaml");
    assert.deepStrictEqual(f.projectConfig, { "cognito-auth:tags": { team: "auth" }, "cognito-auth:note": "hello" });
    assert.strictEqual(f.stackConfig["aws:region"], "eu-west-1");
  });

  it("says when a stack file is missing", () => {
    assert.strictEqual(readStackFiles("missing", dir).exists, false);
  });

  it("builds the engine's flat config, marking keys with secure leaves secret", () => {
    const { config, secretKeys } = engineConfigFromFiles(readStackFiles("s", dir));
    assert.strictEqual(config["aws:region"], "eu-west-1");
    assert.strictEqual(config["cognito-auth:environment"], "dev");
    assert.deepStrictEqual(JSON.parse(config["cognito-auth:identityProviders"]), {
      Google: { type: "google", clientSecret: OFFLINE_SECRET_PLACEHOLDER },
    });
    assert.deepStrictEqual(JSON.parse(config["cognito-auth:tags"]), { team: "auth" });
    assert.deepStrictEqual(secretKeys, ["cognito-auth:identityProviders"]);
  });

  it("recognises only single-key `secure` objects as secure leaves", () => {
    assert.ok(isSecureLeaf({ secure: "v1:x" }));
    assert.ok(!isSecureLeaf({ secure: "v1:x", other: 1 }));
    assert.ok(!isSecureLeaf("secure"));
    assert.deepStrictEqual(replaceSecureLeaves([{ secure: "x" }, 1]), {
      value: [OFFLINE_SECRET_PLACEHOLDER, 1],
      hadSecret: true,
    });
  });
  it("reports every YAML syntax problem with line and column as one config error", () => {
    fs.writeFileSync(
      path.join(dir, "Pulumi.bad.yaml"),
      "config:\n  aws:region: us-east-1\n  aws:region: eu-west-1\n  cognito-auth:pool:\n\tname: x\n",
    );
    assert.throws(
      () => readStackFiles("bad", dir),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.issues.length >= 2 &&
        e.issues.every((i) => i.key === "Pulumi.bad.yaml" && /at line \d+, column \d+/.test(i.rule)) &&
        !/\n\s+at /.test(e.message),
    );
  });

  it("lists the keys written outside config:, and the stacks a folder has", () => {
    fs.writeFileSync(path.join(dir, "Pulumi.flat.yaml"), "aws:region: us-east-1\nencryptionsalt: v1:x\nconfig: {}\n");
    assert.deepStrictEqual(readStackFiles("flat", dir).misplacedKeys, ["aws:region"]);
    assert.deepStrictEqual(stacksIn(dir).includes("s"), true);
    assert.deepStrictEqual(stackNames(["Pulumi.yaml", "Pulumi.b.yaml", "Pulumi.a.yml", "README.md"]), ["a", "b"]);
  });
});
