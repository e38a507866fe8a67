/**
 * Fuzzes `npm run plan` with mutated copies of the committed stack files: wrong types, renamed and
 * misplaced keys, changed nesting, broken YAML. Whatever the mutation, the plan exits 0, 1 or 2,
 * never with a stack trace; a 2 names a key and the stack file; and a refused config creates no
 * resource.
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { ConfigError } from "../../../config/errors";
import { OFFLINE_SECRET_PLACEHOLDER } from "../../../config/stack-file";
import { offlineBackend, type ResourceBackend } from "../../../offline/backend";
import { runProgram } from "../../../offline/runner";
import { planOutcome } from "../../../plan/cli";
import { PROJECT_ROOT } from "../../../util/project-root";

/** How many mutated stack files the suite plans (the issue asks for at least 2,000). */
const FUZZ_RUNS = 2000;
/** How many distinct stack files also get a refused config judged by the policy pack. */
const JUDGED_RUNS = 40;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const SOURCES = ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "tests/fixtures/federation/Pulumi.federation.yaml"];
const docs = SOURCES.map((f) => parse(fs.readFileSync(path.join(PROJECT_ROOT, f), "utf8")) as Record<string, Json>);

/** Every path to a value inside a document (keys and indexes). */
function paths(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = at.length ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}

function edit(
  doc: Json,
  at: Array<string | number>,
  f: (parent: Record<string, Json> | Json[], key: string | number) => void,
) {
  const copy = structuredClone(doc);
  let cur: Json = copy;
  for (const k of at.slice(0, -1)) cur = (cur as Record<string, Json>)[k as string];
  if (cur && typeof cur === "object") f(cur as Record<string, Json>, at[at.length - 1]);
  return copy;
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.string({ maxLength: 12 }),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);
const typo = (k: string) =>
  fc.oneof(
    fc.constant(`${k}x`),
    fc.constant(k.slice(1)),
    fc.constant(k.replace("-", "_")),
    fc.constant(k.toUpperCase()),
    fc.constant(k.replace(":", ".")),
  );

/** A mutated stack file as text. */
const mutation: fc.Arbitrary<string> = fc
  .record({ doc: fc.constantFrom(...docs), pick: fc.nat(), op: fc.nat({ max: 7 }), value: anyValue, seed: fc.nat() })
  .chain(({ doc, pick, op, value, seed }) => {
    const all = paths(doc);
    const at = all[pick % all.length];
    const key = at[at.length - 1];
    const text = stringify(doc);
    switch (op) {
      case 0: // a value of another type
        return fc.constant(stringify(edit(doc, at, (p, k) => ((p as Record<string, Json>)[k as string] = value))));
      case 1: // a renamed (misspelt) key
        return typeof key === "string"
          ? typo(key).map((t) =>
              stringify(
                edit(doc, at, (p, k) => {
                  const o = p as Record<string, Json>;
                  o[t] = o[k as string];
                  delete o[k as string];
                }),
              ),
            )
          : fc.constant(text);
      case 2: // one level deeper
        return fc.constant(
          stringify(
            edit(
              doc,
              at,
              (p, k) =>
                ((p as Record<string, Json>)[k as string] = { value: (p as Record<string, Json>)[k as string] }),
            ),
          ),
        );
      case 3: // a removed key
        return fc.constant(
          stringify(edit(doc, at, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k as string]))),
        );
      case 4: // config keys moved out of `config:`
        return fc.constant(stringify({ ...(doc.config as Record<string, Json>) }));
      case 5: {
        // broken YAML: a tab, a lost colon, a repeated line, an unclosed bracket
        const lines = text.split("\n");
        const i = seed % Math.max(1, lines.length - 1);
        const broken = [
          () => lines.map((l, j) => (j === i ? `\t${l}` : l)),
          () => lines.map((l, j) => (j === i ? l.replace(":", "") : l)),
          () => [...lines.slice(0, i + 1), ...lines.slice(i)],
          () => lines.map((l, j) => (j === i ? `${l} [` : l)),
        ][seed % 4]();
        return fc.constant(broken.join("\n"));
      }
      case 6: // an unknown key next to a real one
        return fc.constant(
          stringify(
            edit(doc, at, (p) => {
              if (Array.isArray(p)) p.push(value);
              else p.mistakenKey = value;
            }),
          ),
        );
      default: // unchanged, or only a leaf changed to a plausible value
        return fc.constant(text);
    }
  });

describe("plan/cli under fuzzed stack files", function () {
  this.timeout(900_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-fuzz-"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`exits 0, 1 or 2 for ${FUZZ_RUNS} mutated stack files, never with a trace; a refusal names a key and the file and creates nothing`, async () => {
    const codes = { 0: 0, 1: 0, 2: 0 };
    // Many mutations write the same text (an unchanged file, a value swapped for an equal one); each
    // distinct file is planned once.
    const seen = new Map<string, 0 | 1 | 2>();
    let judged = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (text) => {
        const known = seen.get(text);
        if (known !== undefined) {
          codes[known]++;
          return;
        }
        fs.writeFileSync(path.join(dir, "Pulumi.fuzz.yaml"), text);
        // Judging a refused config with the policy pack costs a whole run: the first few get it.
        const out = await planOutcome({ stack: "fuzz", stackDir: dir, judgeRefused: judged++ < JUDGED_RUNS });
        assert.ok(out.code === 0 || out.code === 1 || out.code === 2, `exit ${out.code}`);
        codes[out.code]++;
        seen.set(text, out.code);
        const printed = `${out.stdout}${out.stderr}`;
        assert.doesNotMatch(printed, /\n\s+at .+:\d+:\d+\)?\n/, "no stack trace");
        // The stacks' `secure:` values stand in as this placeholder offline; it must never be printed.
        assert.doesNotMatch(printed, new RegExp(OFFLINE_SECRET_PLACEHOLDER), "no secret value");
        if (out.code !== 2) return;
        assert.match(out.stderr, /^\s+- \S+/m, "names at least one key");
        assert.match(out.stderr, /Pulumi\.(fuzz\.)?yaml/, "names the file");
        let created = 0;
        const counting: ResourceBackend = {
          newResource: (a) => {
            created++;
            return offlineBackend("us-east-1").newResource(a);
          },
          call: (a) => offlineBackend("us-east-1").call(a),
        };
        await assert.rejects(runProgram({ stack: "fuzz", stackDir: dir, backend: counting }), ConfigError);
        // The component tree is only built after validation; the stack resource alone is the engine's.
        assert.strictEqual(created, 0, "a refused config creates no resource");
      }),
      { numRuns: FUZZ_RUNS, seed: 20261202 },
    );
    console.log(
      `      fuzz: ${FUZZ_RUNS} stack files (${seen.size} distinct), exit 0: ${codes[0]}, exit 1: ${codes[1]}, exit 2: ${codes[2]}`,
    );
    assert.ok(codes[2] > FUZZ_RUNS / 4, "most mutations break something");
    assert.ok(codes[0] + codes[1] > 0, "some mutations still plan");
  });
});
