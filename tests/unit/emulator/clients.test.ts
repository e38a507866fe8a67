import * as assert from "node:assert";
import { EMULATOR_CREDENTIALS, emulatorClients } from "../../../emulator/clients";

describe("emulator/clients", () => {
  it("points every client at the emulator in us-east-1 with fake credentials and no SDK retries", async () => {
    const c = emulatorClients({ endpoint: "http://127.0.0.1:4567" });
    for (const client of [c.idp, c.identity, c.iam, c.wafv2, c.logs, c.cloudwatch, c.sns, c.kms]) {
      assert.strictEqual(await client.config.region(), "us-east-1");
      const ep = await client.config.endpoint?.();
      assert.strictEqual(`${ep?.protocol}//${ep?.hostname}:${ep?.port}`, "http://127.0.0.1:4567");
      assert.deepStrictEqual(await client.config.credentials(), EMULATOR_CREDENTIALS);
      assert.strictEqual(await client.config.maxAttempts(), 1);
    }
  });
});
