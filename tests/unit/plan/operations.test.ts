import * as assert from "node:assert";
import { formatOperations } from "../../../plan/operations";

describe("plan/operations", () => {
  it("prints nothing without the operations output", () => {
    assert.deepStrictEqual(formatOperations({}), []);
  });
  it("prints each present key on its own line, in a fixed order", () => {
    const lines = formatOperations({
      operations: { alarmTopicArn: "arn:aws:sns:us-east-1:1:t", webAclArn: "arn:aws:wafv2:x" },
    });
    assert.strictEqual(lines.length, 4);
    assert.match(lines[2], /web ACL\s+arn:aws:wafv2:x/);
    assert.match(lines[3], /alarm topic\s+arn:aws:sns/);
  });
});
