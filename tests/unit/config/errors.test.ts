import * as assert from "node:assert";
import { RunError } from "@pulumi/pulumi";
import { ConfigError, IssueList } from "../../../config/errors";

describe("config/errors", () => {
  it("formats every issue on its own line with key, value, rule and file", () => {
    const e = new ConfigError("prod", [
      {
        path: "pool.mfaConfiguration",
        value: "SOMETIMES",
        rule: "expected one of OFF|OPTIONAL|ON",
        source: "Pulumi.prod.yaml",
      },
      { path: "messaging.email.fromEmailAddress", value: undefined, rule: "required", source: "preset prod" },
    ]);
    assert.strictEqual(
      e.message,
      [
        'Stack "prod" has 2 config problems; no resources were created:',
        '  - cognito-auth:pool.mfaConfiguration = "SOMETIMES": expected one of OFF|OPTIONAL|ON [Pulumi.prod.yaml]',
        "  - cognito-auth:messaging.email.fromEmailAddress = (not set): required [preset prod]",
      ].join("\n"),
    );
  });
  it("shortens long values", () => {
    const e = new ConfigError("dev", [{ path: "p", value: "x".repeat(200), rule: "r" }]);
    assert.match(e.message, /"x{76}\.\.\.: r$/);
  });
  it("collects issues", () => {
    const l = new IssueList();
    l.add("a", 1, "r");
    assert.deepStrictEqual(l.issues, [{ path: "a", value: 1, rule: "r" }]);
  });
  it("is a Pulumi RunError, so pulumi up prints the message without a stack trace", () => {
    assert.ok(RunError.isInstance(new ConfigError("dev", [])));
  });
});
