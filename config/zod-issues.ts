import { z } from "zod";
import { didYouMean } from "./did-you-mean";
import type { ConfigIssue } from "./errors";
import { joinPath, valueAt } from "./paths";

/** The keys an object schema at `path` accepts, for "did you mean" hints. */
function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let cur: z.ZodType | undefined = schema;
  for (const part of path) {
    cur = unwrap(cur);
    if (cur instanceof z.ZodObject) cur = cur.shape[String(part)] as z.ZodType | undefined;
    else if (cur instanceof z.ZodRecord) cur = cur.valueType as z.ZodType;
    else if (cur instanceof z.ZodArray) cur = cur.element as z.ZodType;
    else return [];
  }
  cur = unwrap(cur);
  if (cur instanceof z.ZodObject) return Object.keys(cur.shape);
  if (cur instanceof z.ZodDiscriminatedUnion) {
    return [...new Set(cur.options.flatMap((o) => (o instanceof z.ZodObject ? Object.keys(o.shape) : [])))];
  }
  return [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodNullable) {
    cur = cur.unwrap() as z.ZodType;
  }
  return cur;
}

/** Turns zod's issues into config issues with key paths, values and readable rules. */
export function fromZod(error: z.ZodError, schema: z.ZodType, input: unknown): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const hint = didYouMean(key, known);
        const path = joinPath([...issue.path, key]);
        out.push({
          path,
          value: valueAt(input, path),
          rule: `unknown key${hint ? `; did you mean "${hint}"?` : known.length ? `; known keys: ${known.join(", ")}` : ""}`,
        });
      }
      continue;
    }
    const path = joinPath(issue.path);
    const value = valueAt(input, path);
    const rule =
      value === undefined && issue.code === "invalid_type"
        ? `required (${issue.message.replace(/^Invalid input: /, "")})`
        : issue.message.replace(/^Invalid input: /, "");
    out.push({ path, value, rule });
  }
  return out;
}
