// The fast path for `npm run plan` and for the Pulumi program under `pulumi preview` / `pulumi up`
// (package.json "main" -> scripts/pulumi-program.js). Each entry is bundled by esbuild into
// .build/<entry>.js, our code only: packages stay in node_modules, so @pulumi/* load exactly as they
// would without us. A process then starts with no TypeScript loader and no per-file transpile,
// about a third of what `npm run plan` paid above the SDK's own start.
//
// The bundle is rebuilt whenever a file it was built from (its esbuild metafile lists them), the
// tsconfig or package.json differs from what it was built from (by content hash: mtimes lie after a
// copy that keeps them), so an edit is never run stale. Builds go to a private folder and are
// renamed into place, so concurrent processes (mocha's workers, two stacks previewed at once) never
// read half a file. The bundles sit one level below the root, as the sources do, so `PROJECT_ROOT`
// (util/project-root.ts, from __dirname) is the same in both. `npm run check-policy` is not
// compiled: the programs it judges are other teams' TypeScript, which needs the loader anyway.
// Plain JavaScript on purpose: it runs before any loader.

const fs = require("node:fs");
const path = require("node:path");
const { BUILD_SETTINGS, changedSince, fileClockMs, recordHashes } = require("../util/content-hashes.js");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, ".build");

/** Entry name -> TypeScript source, relative to the project root. */
const ENTRIES = {
  plan: "scripts/plan.ts",
  program: "index.ts",
  // Not a CLI: preloaded (`node -r .build/defer-typescript.js`) by the bench's floor and by a test.
  "defer-typescript": "util/defer-typescript.ts",
};

/** Files outside the import graph that change what a bundle is. */
const ALWAYS_INPUTS = [...BUILD_SETTINGS, "scripts/compiled.js", "util/content-hashes.js"];

/**
 * The bundle's last line holds the hashes of what it was built from. In the file itself, so that one
 * rename replaces code and hashes together: no process can pair a new list with an old bundle. After
 * the source map comment, so no line moves.
 */
const INPUTS_MARK = "//# compiled-inputs ";

function entrySource(name) {
  const source = ENTRIES[name];
  if (!source)
    throw new Error(`scripts/compiled.js: no entry "${name}"; the entries are ${Object.keys(ENTRIES).join(", ")}`);
  return source;
}

const bundlePath = (name) => path.join(OUT_DIR, `${name}.js`);

/** Why the bundle must be rebuilt, or undefined when it is fresh. */
function staleReason(name) {
  let text;
  try {
    text = fs.readFileSync(bundlePath(name), "utf8");
  } catch {
    return "not built yet";
  }
  const at = text.lastIndexOf(`\n${INPUTS_MARK}`);
  if (at < 0) return "no list of its inputs";
  try {
    return changedSince(ROOT, JSON.parse(text.slice(at + 1 + INPUTS_MARK.length)));
  } catch {
    return "no list of its inputs";
  }
}

/** Build folders of processes that died mid-build, left for a minute in case one is still running. */
function removeAbandonedBuilds() {
  for (const d of fs.readdirSync(OUT_DIR)) {
    if (!d.startsWith(".") || !d.includes("-")) continue;
    const full = path.join(OUT_DIR, d);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory() && Date.now() - stat.mtimeMs > 60_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** Bundles one entry into .build/, atomically. Throws with esbuild's messages on a build error. */
function build(name) {
  const esbuild = require("esbuild");
  let tmp;
  try {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    removeAbandonedBuilds();
    tmp = fs.mkdtempSync(path.join(OUT_DIR, `.${name}-`));
  } catch (e) {
    throw new Error(
      `cannot write ${OUT_DIR} (${e instanceof Error ? e.message : String(e)}): the compiled entry needs a writable checkout; ` +
        `without one, run the TypeScript directly: node -r @swc-node/register ${entrySource(name)}`,
    );
  }
  try {
    const started = Date.now();
    const startedMs = fileClockMs(tmp);
    const result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: { [name]: entrySource(name) },
      outdir: tmp,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      // Traces name the TypeScript files where source maps are on: under `pulumi up` (the SDK's
      // runner loads source-map-support), or `node --enable-source-maps`. Not on for `npm run plan`
      // by default: it makes Node parse the maps of every package loaded, a fifth of a plan's start.
      sourcemap: "linked",
      sourcesContent: false,
      metafile: true,
      logLevel: "silent",
    });
    const sources = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
    const hashes = recordHashes(ROOT, [...ALWAYS_INPUTS, ...sources], startedMs);
    const out = path.join(tmp, `${name}.js`);
    const newline = fs.readFileSync(out, "utf8").endsWith("\n") ? "" : "\n";
    fs.appendFileSync(out, `${newline}${INPUTS_MARK}${JSON.stringify(hashes)}\n`);
    // The map first: a process that sees the new bundle also finds its map.
    for (const f of [`${name}.js.map`, `${name}.js`]) fs.renameSync(path.join(tmp, f), path.join(OUT_DIR, f));
    return Date.now() - started;
  } catch (e) {
    const errors = e && Array.isArray(e.errors) ? e.errors : undefined;
    if (!errors) throw e;
    const where = (m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : "");
    throw new Error(
      `could not compile ${entrySource(name)}:\n${errors.map((m) => `  ${where(m)}${m.text}`).join("\n")}`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The path of a fresh bundle of the entry, building it first when it is stale. */
function compiled(name) {
  const why = staleReason(name);
  if (why !== undefined) {
    const ms = build(name);
    if (process.env.COMPILED_VERBOSE) process.stderr.write(`compiled ${name} (${why}) in ${ms} ms\n`);
  }
  return bundlePath(name);
}

module.exports = { ENTRIES, compiled, staleReason, build, bundlePath, OUT_DIR };

// `node scripts/compiled.js <entry> [args...]`: runs the entry's bundle with the remaining arguments,
// as `node -r @swc-node/register <source> [args...]` would.
if (require.main === module) {
  const [name, ...args] = process.argv.slice(2);
  let bundle;
  try {
    bundle = compiled(name);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  }
  process.argv = [process.argv[0], bundle, ...args];
  require(bundle);
}
