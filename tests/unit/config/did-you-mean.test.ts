import * as assert from "node:assert";
import { didYouMean } from "../../../config/did-you-mean";

describe("config/did-you-mean", () => {
  const keys = ["pool", "clients", "identityProviders", "mfaConfiguration", "tags"];
  it("suggests the closest key for a typo", () => {
    assert.strictEqual(didYouMean("clinets", keys), "clients");
    assert.strictEqual(didYouMean("mfaConfiguraton", keys), "mfaConfiguration");
    assert.strictEqual(didYouMean("identityprovider", keys), "identityProviders");
  });
  it("suggests nothing for a word that is not close to any key", () => {
    assert.strictEqual(didYouMean("database", keys), undefined);
  });
});
