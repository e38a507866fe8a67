import * as assert from "node:assert";
import {
  APPENDED_SUFFIX_LENGTH,
  defaultDomainPrefix,
  MAX_PREFIX_DOMAIN,
  RANDOM_SUFFIX_LENGTH,
} from "../../../../config/model/domain";
import { load } from "../../helpers";

describe("config/model/domain", () => {
  it("turns any stack name into a valid default prefix that leaves room for the suffix", () => {
    assert.strictEqual(defaultDomainPrefix("dev"), "auth-dev");
    assert.strictEqual(defaultDomainPrefix("Feature_42.Preview"), "auth-feature-42-preview");
    const long = defaultDomainPrefix(`x${"y".repeat(80)}`);
    assert.strictEqual(long.length, 56);
    assert.strictEqual(long.length + APPENDED_SUFFIX_LENGTH, MAX_PREFIX_DOMAIN);
  });

  it("appends a hyphen and six random characters unless randomSuffix is false", () => {
    assert.deepStrictEqual([RANDOM_SUFFIX_LENGTH, APPENDED_SUFFIX_LENGTH], [6, 7]);
    const d = load("dev", {}).domain;
    assert.deepStrictEqual([d.prefix, d.randomSuffixLength], ["auth-dev", 6]);
    const fixed = load("dev", { domain: { prefix: "my-app", randomSuffix: false } }).domain;
    assert.deepStrictEqual([fixed.prefix, fixed.randomSuffixLength], ["my-app", 0]);
  });
});
