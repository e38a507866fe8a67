import * as assert from "node:assert";
import { emailDomain, groupFor } from "../../../functions/email-domain";

const GROUPS = { "example.com": "Administrators", "*": "Customers" };

describe("functions/email-domain", () => {
  it("takes the part after the last @, lower case, and nothing from a non-address", () => {
    assert.strictEqual(emailDomain("a@b@Example.com"), "example.com");
    for (const bad of [undefined, "", "nobody", "x@", "@example.com"])
      assert.strictEqual(emailDomain(bad), undefined, bad);
  });

  it("falls back to * for other domains, exact match only", () => {
    assert.strictEqual(groupFor("a@evil-example.com", GROUPS, true), "Customers");
    assert.strictEqual(groupFor("a@EXAMPLE.com", GROUPS, true), "Administrators");
    assert.strictEqual(groupFor("a@x.org", { "example.com": "Administrators" }, true), undefined);
  });

  it("gives an unverified email only the * group", () => {
    assert.strictEqual(groupFor("a@example.com", GROUPS, false), "Customers");
    assert.strictEqual(groupFor("a@example.com", { "example.com": "Administrators" }, false), undefined);
  });

  it("never reads a domain's group off the prototype", () => {
    assert.strictEqual(groupFor("a@constructor", GROUPS, true), "Customers");
  });
});
