import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import { FORCE_NEW, forcingPaths, isUnder } from "../../../plan/force-new";

/** The `<Class>Args` interface of a type token in the installed SDK's typings: its property names. */
function argsOf(token: string): string[] {
  const [pkg, mod, cls] = token.split(":");
  if (pkg === "pulumi-nodejs") {
    // The program's own dynamic resource: its inputs interface (components/replication/key-configuration.ts).
    const text = fs.readFileSync(path.join(__dirname, "../../../components/replication/key-configuration.ts"), "utf8");
    const start = text.indexOf("export interface KeyConfigurationInputs {");
    assert.ok(start >= 0, `${token}: no KeyConfigurationInputs`);
    return [...text.slice(start, text.indexOf("\n}", start)).matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
  }
  const sdk = pkg === "pulumi" ? cls : pkg;
  const dir = path.dirname(require.resolve(`@pulumi/${sdk}/package.json`));
  const lowerFirst = (x: string) => x.charAt(0).toLowerCase() + x.slice(1);
  const [file, name] =
    pkg === "pulumi"
      ? ["provider.d.ts", "Provider"]
      : pkg === "aws-native"
        ? [`${mod}/${lowerFirst(cls)}.d.ts`, cls]
        : [`${mod.split("/")[0] === "index" ? "" : `${mod.split("/")[0]}/`}${mod.split("/")[1]}.d.ts`, cls];
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const start = text.indexOf(`export interface ${name}Args {`);
  assert.ok(start >= 0, `${token}: no ${name}Args in @pulumi/${sdk}/${file}`);
  const body = text.slice(start, text.indexOf("\n}", start));
  return [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1]);
}

describe("plan/force-new", () => {
  it("has a sourced entry for every type in the resource-types table, and no other", () => {
    const types = Object.values(RESOURCE_TYPES);
    assert.deepStrictEqual(Object.keys(FORCE_NEW).sort(), [...types].sort());
    for (const t of types) {
      const rule = FORCE_NEW[t];
      assert.match(
        rule.source,
        /terraform-provider-(aws|random)|pulumi-aws#\d+|@pulumi\/aws-native [\d.]+ .*replaceOnChanges|components\/replication\//,
        `${t}: no source`,
      );
      for (const list of rule.addOnly ?? []) assert.match(list.source, /terraform-provider-aws/, `${t}: no source`);
    }
  });

  it("names each property as the SDK's input args do (so a changed input path can match it)", () => {
    for (const [token, rule] of Object.entries(FORCE_NEW)) {
      const args = argsOf(token);
      for (const p of [...rule.paths, ...(rule.addOnly ?? []).map((l) => l.path)]) {
        assert.ok(args.includes(p.split(/[.[]/)[0]), `${token}: ${p} is not an input of its args (${args.join(", ")})`);
      }
    }
  });

  it("the user pool replaces on its creation-time settings, and lists custom attributes as add-only", () => {
    const rule = FORCE_NEW[RESOURCE_TYPES.userPool];
    for (const p of ["name", "usernameAttributes", "aliasAttributes", "usernameConfiguration.caseSensitive"])
      assert.ok(rule.paths.includes(p), p);
    assert.ok(!rule.paths.includes("schemas"), "an added custom attribute is an update");
    assert.deepStrictEqual(
      rule.addOnly?.map((l) => l.path),
      ["schemas"],
    );
    assert.ok(FORCE_NEW[RESOURCE_TYPES.userPoolClient].paths.includes("userPoolId"));
    assert.ok(FORCE_NEW[RESOURCE_TYPES.randomId].paths.includes("keepers"));
  });

  it("a change at, below or above a force-new property forces; a sibling does not", () => {
    const rule = FORCE_NEW[RESOURCE_TYPES.userPool];
    assert.deepStrictEqual(forcingPaths(rule, ["usernameConfiguration.caseSensitive"]), [
      "usernameConfiguration.caseSensitive",
    ]);
    assert.deepStrictEqual(forcingPaths(rule, ["usernameConfiguration"]), ["usernameConfiguration"]);
    assert.deepStrictEqual(forcingPaths(rule, ["usernameAttributes[0]", "mfaConfiguration", "nameX"]), [
      "usernameAttributes[0]",
    ]);
    assert.deepStrictEqual(forcingPaths(undefined, ["name"]), []);
    assert.ok(isUnder("a.b[2].c", "a.b"));
    assert.ok(!isUnder("ab", "a"));
  });
});
