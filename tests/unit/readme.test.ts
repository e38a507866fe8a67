import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { stackConfig } from "../../config/schema";

/** Every key name the config schema accepts, at any depth (records and arrays looked through). */
function keyNames(schema: z.ZodType, out = new Set<string>()): Set<string> {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(s.shape)) {
      out.add(k);
      keyNames(v as z.ZodType, out);
    }
  } else if (s instanceof z.ZodRecord) keyNames(s.valueType as z.ZodType, out);
  else if (s instanceof z.ZodArray) keyNames(s.element as z.ZodType, out);
  else if (s instanceof z.ZodDiscriminatedUnion || s instanceof z.ZodUnion)
    for (const o of s.options) keyNames(o as z.ZodType, out);
  return out;
}

describe("README config reference", () => {
  it("documents every config key the schema accepts", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    const reference = readme.slice(readme.indexOf("## Config reference"), readme.indexOf("## Policy pack"));
    assert.ok(reference.length > 1000, "the README has a config reference section");
    const missing = [...keyNames(stackConfig)].filter((k) => !new RegExp(`[\`.{ ]${k}[\`.} \\[,]`).test(reference));
    assert.deepStrictEqual(missing, [], `undocumented config keys: ${missing.join(", ")}`);
  });
});
