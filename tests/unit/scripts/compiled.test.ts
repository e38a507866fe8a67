/**
 * scripts/compiled.js, on a throwaway project of its own (a copy of the launcher, an entry that
 * imports a module): it bundles on first use, reuses the bundle while the sources are unchanged, and
 * rebuilds whenever one changed, even when a copy kept the old mtime.
 */
import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../../util/project-root";

describe("scripts/compiled.js", function () {
  this.timeout(120_000);
  let dir: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(dir, "scripts", "compiled.js"), "plan", ...args], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, COMPILED_VERBOSE: "1" },
    });
  const message = (v: string) =>
    `import { a } from "../lib/a";\nexport const m: string = "${v}";\nconsole.log(a, m, process.argv.slice(2).join(","));\n`;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "compiled-"));
    for (const f of ["scripts/compiled.js", "util/content-hashes.js"])
      write(f, fs.readFileSync(path.join(PROJECT_ROOT, f), "utf8"));
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
    write("package.json", "{}\n");
    write("tsconfig.json", "{}\n");
    write("lib/a.ts", 'export const a: string = "a1";\n');
    write("scripts/plan.ts", message("m1"));
    // Past the file clock's tick: a file changed in the tick a build starts in counts as written during it.
    await new Promise((r) => setTimeout(r, 50));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("builds on first use, passes the arguments on, and reuses a fresh bundle", () => {
    const first = run("x", "--y");
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, "a1 m1 x,--y\n");
    assert.match(first.stderr, /compiled plan \(not built yet\)/);
    const again = run("z");
    assert.equal(again.stdout, "a1 m1 z\n");
    assert.equal(again.stderr, "", "no rebuild");
  });

  it("rebuilds when an imported file changes, even with its old mtime kept", () => {
    assert.equal(run().status, 0);
    const file = path.join(dir, "lib", "a.ts");
    const old = fs.statSync(file);
    fs.writeFileSync(file, 'export const a: string = "a2";\n');
    fs.utimesSync(file, old.atime, new Date(old.mtimeMs - 60_000));
    const r = run();
    assert.equal(r.stdout, "a2 m1 \n");
    assert.match(r.stderr, /compiled plan \(lib\/a\.ts changed\)/);
  });

  it("rebuilds when the tsconfig changes or an input is gone", () => {
    assert.equal(run().status, 0);
    write("tsconfig.json", '{ "compilerOptions": {} }\n');
    assert.match(run().stderr, /\(tsconfig\.json changed\)/);
    write("lib/b.ts", 'export const a: string = "b";\n');
    write("scripts/plan.ts", message("m2").replace("../lib/a", "../lib/b"));
    assert.equal(run().stdout, "b m2 \n");
    fs.rmSync(path.join(dir, "lib", "b.ts"));
    const gone = run();
    assert.equal(gone.status, 3);
    assert.match(gone.stderr, /could not compile scripts\/plan\.ts/);
  });

  it("keeps the input hashes in the bundle's last line, after its source map comment; without them it rebuilds", () => {
    assert.equal(run().status, 0);
    const bundle = path.join(dir, ".build", "plan.js");
    const lines = fs.readFileSync(bundle, "utf8").trimEnd().split("\n");
    assert.match(lines[lines.length - 2], /^\/\/# sourceMappingURL=plan\.js\.map$/);
    const hashes = JSON.parse(lines[lines.length - 1].replace(/^\/\/# compiled-inputs /, "")) as Record<string, string>;
    assert.deepEqual(Object.keys(hashes).sort(), [
      "lib/a.ts",
      "package.json",
      "scripts/compiled.js",
      "scripts/plan.ts",
      "tsconfig.json",
      "util/content-hashes.js",
    ]);
    assert.ok(Object.values(hashes).every((h) => /^[0-9a-f]{40}$/.test(h)));
    fs.writeFileSync(bundle, `${lines.slice(0, -1).join("\n")}\n`);
    assert.match(run().stderr, /compiled plan \(no list of its inputs\)/);
  });

  it("cannot write .build/: exits 3 saying so and how to run without it; abandoned build folders are removed", () => {
    write(".build", "a file where the folder would go");
    const r = run();
    assert.equal(r.status, 3);
    assert.match(
      r.stderr,
      /cannot write .*\.build .*needs a writable checkout.*node -r @swc-node\/register scripts\/plan\.ts/s,
    );
    fs.rmSync(path.join(dir, ".build"));
    const abandoned = path.join(dir, ".build", ".plan-abandoned");
    fs.mkdirSync(abandoned, { recursive: true });
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(abandoned, old, old);
    assert.equal(run().status, 0);
    assert.ok(!fs.existsSync(abandoned));
  });

  it("a compile error exits 3 naming the file and line, with no stack trace", () => {
    write("lib/a.ts", "export const a: string = ;\n");
    const r = run();
    assert.equal(r.status, 3);
    assert.match(r.stderr, /could not compile scripts\/plan\.ts:\n {2}lib\/a\.ts:1:\d+: /);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+\)?\n/);
  });

  it("processes started together after an edit all run the new code", async () => {
    assert.equal(run().status, 0);
    write("lib/a.ts", 'export const a: string = "a3";\n');
    const outs = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, [path.join(dir, "scripts", "compiled.js"), "plan"], { cwd: dir });
            let out = "";
            child.stdout.on("data", (d) => {
              out += d;
            });
            child.on("close", (code) => resolve(`${code} ${out}`));
          }),
      ),
    );
    assert.deepEqual(outs, Array(4).fill("0 a3 m1 \n"));
    assert.deepEqual(
      fs.readdirSync(path.join(dir, ".build")).sort(),
      ["plan.js", "plan.js.map"],
      "no build folder left behind",
    );
  });
});
