import type * as aws from "@pulumi/aws";
import type { CustomAttributeModel, PoolModel } from "../config/model";

type SchemaInput = aws.types.input.cognito.UserPoolSchema;

/**
 * The pool's `schemas`: required standard attributes and custom attributes. Constraints are always
 * spelled out, as Cognito reports them back, so that previews stay clean (pulumi-aws#1237).
 */
export function poolSchemas(pool: PoolModel): SchemaInput[] {
  const standard: SchemaInput[] = pool.requiredStandardAttributes.map((name) => ({
    name,
    required: true,
    mutable: true,
    developerOnlyAttribute: false,
    ...standardShape(name),
  }));
  return [...standard, ...pool.schemas.map(customSchema)];
}

/** How Cognito defines a standard attribute: String 0-2048, except `birthdate` (10 characters) and `updated_at` (a number). */
function standardShape(
  name: string,
): Pick<SchemaInput, "attributeDataType" | "stringAttributeConstraints" | "numberAttributeConstraints"> {
  if (name === "updated_at") return { attributeDataType: "Number", numberAttributeConstraints: { minValue: "0" } };
  if (name === "birthdate")
    return { attributeDataType: "String", stringAttributeConstraints: { minLength: "10", maxLength: "10" } };
  return { attributeDataType: "String", stringAttributeConstraints: { minLength: "0", maxLength: "2048" } };
}

export function customSchema(a: CustomAttributeModel): SchemaInput {
  const s: SchemaInput = {
    name: a.name,
    attributeDataType: a.attributeDataType,
    mutable: a.mutable,
    required: false,
    developerOnlyAttribute: a.developerOnlyAttribute,
  };
  if (a.attributeDataType === "String") {
    const c = a.stringAttributeConstraints ?? { minLength: 0, maxLength: 2048 };
    s.stringAttributeConstraints = { minLength: String(c.minLength), maxLength: String(c.maxLength) };
  }
  if (a.attributeDataType === "Number") {
    const c = a.numberAttributeConstraints;
    s.numberAttributeConstraints = c ? { minValue: String(c.minValue), maxValue: String(c.maxValue) } : {};
  }
  return s;
}
