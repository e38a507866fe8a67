import * as assert from "node:assert";
import { customSchema, poolSchemas } from "../../../components/user-pool-attributes";
import { load } from "../helpers";

describe("components/user-pool-attributes", () => {
  it("sends required standard attributes the way Cognito defines them, so previews stay clean", () => {
    const pool = load("dev", {
      pool: { requiredStandardAttributes: ["email", "birthdate", "updated_at"] },
      seedUsers: { "admin@example.com": null, "customer@example.com": null },
    }).pool;
    const byName = Object.fromEntries(poolSchemas(pool).map((s) => [s.name, s]));
    assert.deepStrictEqual(byName.email, {
      name: "email",
      required: true,
      mutable: true,
      developerOnlyAttribute: false,
      attributeDataType: "String",
      stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
    });
    assert.deepStrictEqual(byName.birthdate.stringAttributeConstraints, { minLength: "10", maxLength: "10" });
    assert.strictEqual(byName.updated_at.attributeDataType, "Number");
    assert.deepStrictEqual(byName.updated_at.numberAttributeConstraints, { minValue: "0" });
  });

  it("spells out constraints of custom attributes as strings, defaulting String to 0-2048", () => {
    assert.deepStrictEqual(
      customSchema({
        name: "nick",
        attributeDataType: "String",
        mutable: true,
        required: false,
        developerOnlyAttribute: false,
      }).stringAttributeConstraints,
      { minLength: "0", maxLength: "2048" },
    );
    assert.deepStrictEqual(
      customSchema({
        name: "n",
        attributeDataType: "Number",
        mutable: false,
        required: false,
        developerOnlyAttribute: true,
        numberAttributeConstraints: { minValue: 1, maxValue: 9 },
      }),
      {
        name: "n",
        attributeDataType: "Number",
        mutable: false,
        required: false,
        developerOnlyAttribute: true,
        numberAttributeConstraints: { minValue: "1", maxValue: "9" },
      },
    );
    const dt = customSchema({
      name: "d",
      attributeDataType: "DateTime",
      mutable: true,
      required: false,
      developerOnlyAttribute: false,
    });
    assert.strictEqual(dt.stringAttributeConstraints, undefined);
    assert.strictEqual(dt.numberAttributeConstraints, undefined);
  });

  it("never marks a custom attribute required", () => {
    assert.strictEqual(
      customSchema({
        name: "x",
        attributeDataType: "Boolean",
        mutable: true,
        required: true,
        developerOnlyAttribute: false,
      }).required,
      false,
    );
  });
});
