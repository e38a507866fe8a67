import * as assert from "node:assert";
import { isWithin, secretPaths } from "../../../config/secret-paths";

describe("config/secret-paths", () => {
  const files = {
    stackFile: "Pulumi.s.yaml",
    stackConfig: { "cognito-auth:identityProviders": { Google: { clientSecret: { secure: "v1:x" }, clientId: "id" } } },
    projectConfig: {},
    exists: true,
    misplacedKeys: [],
  };

  it("takes leaves from the file and whole keys from the engine when the file marks none", () => {
    const s = secretPaths({ files, secretKeys: ["cognito-auth:identityProviders", "cognito-auth:tags"] });
    assert.strictEqual(s.isSecret("identityProviders.Google.clientSecret"), true);
    assert.strictEqual(s.isSecret("identityProviders.Google.clientId"), false, "the file says which leaf");
    assert.strictEqual(s.isSecret("tags.owner"), true, "no leaf in the file: the whole engine key");
  });

  it("knows a value holds a secret when a secret lies below it", () => {
    const s = secretPaths({ files, secretKeys: [] });
    assert.strictEqual(s.isSecret("identityProviders.Google"), false);
    assert.strictEqual(s.holdsSecret("identityProviders.Google"), true);
    assert.strictEqual(s.holdsSecret("pool"), false);
  });

  it("reads paths below a root, by key or index, and not a sibling with the same prefix", () => {
    assert.deepStrictEqual(
      ["a", "a.b", "a[0]", "ab"].map((p) => isWithin(p, "a")),
      [true, true, true, false],
    );
  });
});
