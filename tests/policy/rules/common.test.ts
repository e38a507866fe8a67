import * as assert from "node:assert";
import {
  asArray,
  DEFAULT_PRODUCTION_STACKS,
  globToRegExp,
  isFalse,
  isTrue,
  matchingStackPattern,
  num,
  productionReason,
  stackOfUrn,
  upper,
} from "../../../policy/rules/common";

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
      "resource tag environment=PROD",
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
  it("matches productionStacks as glob patterns, case-insensitively, and quotes the pattern", () => {
    const globs = { ...cfg, productionStacks: ["prod-*", "live", "*-prd", "eu?"] };
    const why = (stack: string) => productionReason(globs, new Map(), [`urn:pulumi:${stack}::p::t::n`]);
    assert.strictEqual(why("prod-eu"), 'stack "prod-eu" matches productionStacks pattern "prod-*"');
    assert.strictEqual(why("Prod-us-west-2"), 'stack "Prod-us-west-2" matches productionStacks pattern "prod-*"');
    assert.strictEqual(why("live"), 'stack "live" is listed in productionStacks');
    assert.strictEqual(why("shop-prd"), 'stack "shop-prd" matches productionStacks pattern "*-prd"');
    assert.strictEqual(why("eu1"), 'stack "eu1" matches productionStacks pattern "eu?"');
    for (const stack of ["prod", "preprod-eu", "lively", "eu12", "dev"])
      assert.strictEqual(why(stack), undefined, stack);
  });
  it("treats regular-expression characters in a pattern literally", () => {
    assert.strictEqual(matchingStackPattern("prod.eu", ["prod.eu"]), "prod.eu");
    assert.strictEqual(matchingStackPattern("prodxeu", ["prod.eu"]), undefined);
    assert.ok(globToRegExp("a+(b)").test("a+(b)"));
  });
  it("defaults to prod, prod-*, production and live among others", () => {
    for (const stack of ["prod", "prod-eu", "prod-us-west-2", "production", "live", "eu-prod"])
      assert.ok(matchingStackPattern(stack, DEFAULT_PRODUCTION_STACKS), stack);
    for (const stack of ["dev", "staging", "preprod", "sandbox"])
      assert.strictEqual(matchingStackPattern(stack, DEFAULT_PRODUCTION_STACKS), undefined, stack);
  });
  it("lets a stack name decide when the resource's tags are unknown, and rethrows when it does not", () => {
    const unknown = () => {
      throw new Error("unknown during preview");
    };
    assert.strictEqual(
      productionReason(cfg, new Map(), ["urn:pulumi:prod::p::t::n"], unknown),
      'stack "prod" is listed in productionStacks',
    );
    assert.throws(
      () => productionReason(cfg, new Map(), ["urn:pulumi:dev::p::t::n"], unknown),
      /unknown during preview/,
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
