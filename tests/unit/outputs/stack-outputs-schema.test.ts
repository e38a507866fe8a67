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

  it("says a secret output read without --show-secrets is masked", async () => {
    const doc = { ...(await runStack("dev")).outputs, clientSecrets: "[secret]", seedUserPasswords: "[secret]" };
    assert.throws(
      () => parseStackOutputs(doc, "pulumi stack output"),
      (e: unknown) =>
        e instanceof Error &&
        /clientSecrets: a secret output, masked: read the outputs with --show-secrets/.test(e.message) &&
        /seedUserPasswords: a secret output, masked/.test(e.message),
    );
  });

  it("refuses outputs whose secrets do not match their clients and seed users (or the old shape with secrets inside)", async () => {
    const o = (await runStack("dev")).outputs as Record<string, Record<string, unknown>>;
    const { backend, ...otherSecrets } = o.clientSecrets;
    const doc = {
      ...o,
      clientSecrets: { ...otherSecrets, web: "s", gone: "s" },
      seedUserPasswords: { "nobody@example.com": "p" },
    };
    assert.ok(backend);
    assert.throws(
      () => parseStackOutputs(doc, "test"),
      (e: unknown) =>
        e instanceof Error &&
        /clientSecrets\.backend: client backend has a secret, but not here/.test(e.message) &&
        /clientSecrets\.web: client web is public: no secret/.test(e.message) &&
        /clientSecrets\.gone: no client gone in clients/.test(e.message) &&
        /seedUserPasswords\.admin@example\.com: seed user admin@example\.com has no password/.test(e.message) &&
        /seedUserPasswords\.nobody@example\.com: no seed user nobody@example\.com in seedUsers/.test(e.message),
    );
    const { clientSecrets: _c, seedUserPasswords: _s, ...old } = o;
    assert.throws(
      () => parseStackOutputs(old, "test"),
      (e: unknown) => e instanceof Error && /clientSecrets:/.test(e.message) && /seedUserPasswords:/.test(e.message),
    );
  });
});
