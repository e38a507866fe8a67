import type * as aws from "@pulumi/aws";
import type { PoolConfig, SchemaAttribute } from "../config/schema/pool";

type SchemaInput = aws.types.input.cognito.UserPoolSchema;

/**
 * The pool's `schemas`: required standard attributes and custom attributes. Constraints are always
 * spelled out, as Cognito reports them back, so that previews stay clean (pulumi-aws#1237).
 */
export function poolSchemas(pool: PoolConfig): SchemaInput[] {
  const standard: SchemaInput[] = pool.requiredStandardAttributes.map((name) => ({
    name,
    attributeDataType: "String",
    required: true,
    mutable: true,
    developerOnlyAttribute: false,
    stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
  }));
  return [...standard, ...pool.schemas.map(customSchema)];
}

export function customSchema(a: SchemaAttribute): SchemaInput {
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
