import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { BuildOptions } from "esbuild";
import { BUILD_SETTINGS, type ContentHashes, changedSince, fileClockMs, recordHashes } from "../util/content-hashes";
import { PROJECT_ROOT } from "../util/project-root";

/** The Node.js runtime every built function runs on; esbuild targets the same version. */
export const NODE_RUNTIME = "nodejs22.x";

/**
 * Deterministic: no source map, no absolute paths (esbuild's comments name files relative to the
 * project root), no timestamps. The AWS SDK v3 stays external because the Node.js runtime ships it.
 */
const OPTIONS: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  external: ["@aws-sdk/*"],
  minify: false,
  sourcemap: false,
  legalComments: "none",
  charset: "utf8",
  write: false,
  metafile: true,
  logLevel: "silent",
};
/** What else decides the bytes: a cached bundle from another esbuild or other options is not reused. */
const RECIPE = JSON.stringify({
  esbuild: (require("esbuild/package.json") as { version: string }).version,
  ...OPTIONS,
});

interface CachedBundle {
  recipe: string;
  hashes: ContentHashes;
  text: string;
}

/** One file of functions/ bundled into a single CommonJS file, built now. */
export function buildFunction(file: string, root = PROJECT_ROOT): { text: string; inputs: string[] } {
  // Loaded only to build: a plan whose bundles are all reused never pays esbuild's 20 ms load.
  const { buildSync } = require("esbuild") as typeof import("esbuild");
  const result = buildSync({ ...OPTIONS, absWorkingDir: root, entryPoints: [path.join("functions", file)] });
  const [out] = result.outputFiles ?? [];
  if (!out || !result.metafile) throw new Error(`esbuild gave no bundle of functions/${file}`);
  return { text: out.text, inputs: Object.keys(result.metafile.inputs) };
}

/** The tsconfig and package.json a build in `root` reads, where they exist. */
const settings = (root: string) => BUILD_SETTINGS.filter((f) => fs.existsSync(path.join(root, f)));

function readCache(file: string): CachedBundle | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as CachedBundle;
  } catch {
    return undefined;
  }
}

/**
 * `buildFunction`'s text, reused from .build/functions/ while no file it was built from, nor the
 * tsconfig or package.json, changed (by content) and esbuild and the options are the same: since the bytes are deterministic, a reused
 * bundle is the bundle a build gives. Synchronous, at program time (never inside an apply).
 * Otherwise every plan, and every test run of a stack with functions, ran esbuild once per function.
 * The cache is best effort: where it cannot be written, the function is built every time.
 */
export function bundleFunction(file: string, root = PROJECT_ROOT): string {
  const dir = path.join(root, ".build", "functions");
  const cacheFile = path.join(dir, `${file}.json`);
  const cached = readCache(cacheFile);
  if (cached?.recipe === RECIPE && changedSince(root, cached.hashes) === undefined) return cached.text;
  let startedMs: number | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    startedMs = fileClockMs(dir);
  } catch {
    // not writable: build without caching
  }
  const built = buildFunction(file, root);
  if (startedMs !== undefined) {
    const entry: CachedBundle = {
      recipe: RECIPE,
      hashes: recordHashes(root, [...settings(root), ...built.inputs], startedMs),
      text: built.text,
    };
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(entry));
      fs.renameSync(tmp, cacheFile);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }
  return built.text;
}

/** The Lambda code archive of a bundle: `index.js`, so the handler is `index.handler`. */
export function functionArchive(file: string): pulumi.asset.AssetArchive {
  return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleFunction(file)) });
}
