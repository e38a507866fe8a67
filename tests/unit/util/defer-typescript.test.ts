/**
 * util/defer-typescript.ts in fresh processes with no TypeScript loader (the loader itself loads the
 * compiler): its bundle preloaded, as the plan's bundle loads it first.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { compiled } from "../../../scripts/compiled";
import { PLAN_ARGS } from "../../../util/plan-command";
import { PROJECT_ROOT } from "../../../util/project-root";

const node = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** Prints, at exit, whether `typescript` as the SDK resolves it is still the stand-in. */
const PROBE = `
const path = require("node:path");
const file = require.resolve("typescript", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] });
process.on("exit", () => {
  const m = require.cache[file];
  process.stderr.write("typescript: " + (m ? (m.exports[Symbol.for("cognito-auth.deferred-typescript")] ? "deferred" : "loaded") : "absent") + "\\n");
});`;

describe("util/defer-typescript", function () {
  this.timeout(60_000);
  let probe: string;
  before(() => {
    // Inside the project, so that it resolves the SDK as the plan does.
    probe = path.join(PROJECT_ROOT, ".build", `defer-typescript-probe-${process.pid}.js`);
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, PROBE);
  });
  after(() => fs.rmSync(probe, { force: true }));

  it("a whole plan runs without loading the compiler the SDK requires", () => {
    const r = node(["-r", probe, ...PLAN_ARGS, "prod", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^typescript: deferred$/m);
  });

  it("the stand-in loads the real compiler on first use and then behaves as it", () => {
    const script = `
      const pulumi = require("@pulumi/pulumi");
      const ts = require("typescript");
      const before = ts[Symbol.for("cognito-auth.deferred-typescript")];
      const version = ts.version;
      ts.addedByTheTest = 5;
      const roundTrip = ts.addedByTheTest;
      delete ts.addedByTheTest;
      const keys = Object.keys(ts).length;
      pulumi.runtime.serializeFunction(() => 42).then((f) =>
        console.log(JSON.stringify({ before, after: ts[Symbol.for("cognito-auth.deferred-typescript")], version, roundTrip,
          gone: ts.addedByTheTest === undefined, keys, serialized: f.text.includes("42") })));`;
    const r = node(["-r", compiled("defer-typescript"), "-e", script]);
    assert.equal(r.status, 0, r.stderr);
    const real = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "node_modules/typescript/package.json"), "utf8"));
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(
      { ...out, keys: (out.keys as number) > 100 },
      { before: true, after: false, version: real.version, roundTrip: 5, gone: true, keys: true, serialized: true },
    );
  });
});
