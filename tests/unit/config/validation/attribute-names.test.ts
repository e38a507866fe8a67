import * as assert from "node:assert";
import type { SchemaAttribute } from "../../../../config/schema/pool";
import {
  attributeNameProblem,
  customAttribute,
  STANDARD_ATTRIBUTES,
} from "../../../../config/validation/attribute-names";

const tier: SchemaAttribute = {
  name: "customer_tier",
  attributeDataType: "String",
  mutable: true,
  required: false,
  developerOnlyAttribute: false,
};

describe("config/validation/attribute-names", () => {
  it("accepts standard attributes and defined custom ones; sub is Cognito's own", () => {
    for (const a of ["email", "given_name", "phone_number_verified", "custom:customer_tier"])
      assert.strictEqual(attributeNameProblem(a, [tier]), undefined, a);
    assert.ok(!STANDARD_ATTRIBUTES.includes("sub"));
    assert.ok(attributeNameProblem("sub", [tier]));
  });

  it("accepts extra names only when asked", () => {
    assert.ok(attributeNameProblem("username", [tier]));
    assert.strictEqual(attributeNameProblem("username", [tier], ["username"]), undefined);
  });

  it("names what is wrong and suggests the closest name", () => {
    assert.match(
      attributeNameProblem("custom:customer_tire", [tier]) ?? "",
      /"customer_tire" is not defined in pool.schemas \(defined: customer_tier\); did you mean "custom:customer_tier"\?/,
    );
    assert.match(attributeNameProblem("familyname", [tier]) ?? "", /did you mean "family_name"/);
    assert.match(attributeNameProblem("custom:x", []) ?? "", /defined: none/);
  });

  it("finds the custom attribute behind a custom: key", () => {
    assert.strictEqual(customAttribute("custom:customer_tier", [tier]), tier);
    assert.strictEqual(customAttribute("customer_tier", [tier]), undefined);
  });
});
