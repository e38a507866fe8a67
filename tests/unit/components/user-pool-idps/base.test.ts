import * as assert from "node:assert";
import { flag } from "../../../../components/user-pool-idps/base";

describe("components/user-pool-idps/base", () => {
  it("writes provider-detail flags as Cognito stores them", () => {
    assert.strictEqual(flag(true), "true");
    assert.strictEqual(flag(false), "false");
    assert.strictEqual(flag(undefined), "false");
  });
});
