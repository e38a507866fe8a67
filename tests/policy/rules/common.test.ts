import * as assert from "node:assert";
import { asArray, isFalse, isTrue, num, productionReason, stackOfUrn, upper } from "../../../policy/rules/common";

const cfg = {
  productionStacks: ["prod"],
  productionTagKey: "environment",
  productionTagValues: ["prod", "production"],
};

describe("policy/rules/common", () => {
  it("normalises enums, numbers, booleans and lists as Pulumi coerces inputs", () => {
    assert.strictEqual(upper("Off"), "OFF");
    assert.strictEqual(upper(3), undefined);
    assert.strictEqual(num("12"), 12);
    assert.strictEqual(num(""), undefined);
    assert.strictEqual(num("twelve"), undefined);
    assert.ok(isTrue("TRUE") && isTrue(true) && !isTrue("yes") && !isTrue(1));
    assert.ok(isFalse("False") && isFalse(false) && !isFalse(undefined) && !isFalse(0));
    assert.deepStrictEqual(asArray("a"), ["a"]);
    assert.deepStrictEqual(asArray(undefined), []);
  });
  it("reads the stack name from a URN", () => {
    assert.strictEqual(stackOfUrn("urn:pulumi:prod::cognito-auth::aws:cognito/userPool:UserPool::pool"), "prod");
    assert.strictEqual(stackOfUrn("not-a-urn"), undefined);
  });
  it("finds production by stack tag, then resource tag, then stack name pattern, and explains which", () => {
    const noTags = new Map<string, string>();
    assert.strictEqual(
      productionReason(cfg, new Map([["environment", "Production"]]), []),
      "stack tag environment=Production",
    );
    assert.strictEqual(
      productionReason(cfg, noTags, ["urn:pulumi:prod::p::t::n"]),
      'stack "prod" is listed in productionStacks',
    );
    assert.strictEqual(
      productionReason(cfg, noTags, ["urn:pulumi:dev::p::t::n"], () => ({ environment: "PROD" })),
      "tag environment=PROD",
    );
    assert.strictEqual(
      productionReason(cfg, noTags, ["urn:pulumi:dev::p::t::n"], () => ({ environment: "dev" })),
      undefined,
    );
    assert.strictEqual(
      productionReason(cfg, noTags, [], () => undefined),
      undefined,
    );
  });
  it("does not read resource tags when the stack already decides", () => {
    let read = false;
    productionReason(cfg, new Map([["environment", "prod"]]), [], () => {
      read = true;
      return {};
    });
    assert.strictEqual(read, false);
  });
});
