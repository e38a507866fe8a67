import * as assert from "node:assert";
import { parseStackOutputs } from "../../../outputs/stack-outputs-schema";
import { runStack } from "../helpers";

describe("outputs/stack-outputs-schema", () => {
  it("accepts what the program outputs for dev and prod", async () => {
    for (const stack of ["dev", "prod"]) {
      const run = await runStack(stack);
      const o = parseStackOutputs(run.outputs, `offline ${stack}`);
      assert.strictEqual(o.stack, stack);
    }
  });

  it("names each wrong key", () => {
    assert.throws(
      () =>
        parseStackOutputs({ stack: "dev", mfaConfiguration: "SOMETIMES", clients: { web: { clientId: "" } } }, "test"),
      (e: unknown) =>
        e instanceof Error &&
        /from test do not match/.test(e.message) &&
        /mfaConfiguration:/.test(e.message) &&
        /clients\.web\.clientId:/.test(e.message) &&
        /appConfig:/.test(e.message),
    );
  });
});
