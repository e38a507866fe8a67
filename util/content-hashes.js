// Content hashes of the files a build read, to tell whether its output is still what building now
// would give: by content, because mtimes lie after a copy that keeps them. Plain JavaScript, so that
// scripts/compiled.js can use it before any TypeScript loader runs; types in content-hashes.d.ts.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

/** What a file written while the build ran is recorded as: it may not be what was built. */
const WRITTEN_DURING_BUILD = "written during the build";

/** Files no esbuild metafile lists that still change a build's output (esbuild reads the tsconfig itself). */
const BUILD_SETTINGS = ["tsconfig.json", "package.json"];

function hashOf(root, rel) {
  try {
    return crypto
      .createHash("sha1")
      .update(fs.readFileSync(path.join(root, rel)))
      .digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * The hashes of `files` (relative to `root`) read by a build that started at `startedMs` (a
 * `fileClockMs` reading). A file changed since the build started, judged by its ctime, which no copy
 * that keeps mtimes can set back, is recorded as untrusted: the next check rebuilds.
 */
function recordHashes(root, files, startedMs) {
  const hashes = {};
  for (const rel of files) {
    const stat = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    hashes[rel] = stat && stat.ctimeMs < startedMs ? (hashOf(root, rel) ?? WRITTEN_DURING_BUILD) : WRITTEN_DURING_BUILD;
  }
  return hashes;
}

/** Why recorded hashes no longer match the files, or undefined while every one does. */
function changedSince(root, hashes) {
  const files = Object.keys(hashes ?? {});
  if (files.length === 0) return "no list of its inputs";
  for (const rel of files) {
    const now = hashOf(root, rel);
    if (now === undefined) return `${rel} is gone`;
    if (now !== hashes[rel]) return `${rel} changed`;
  }
  return undefined;
}

/** A clock reading comparable with file ctimes: the ctime of a file written now, in `dir`. */
function fileClockMs(dir) {
  const probe = path.join(dir, `.clock-${process.pid}-${Date.now()}`);
  fs.writeFileSync(probe, "");
  try {
    return fs.statSync(probe).ctimeMs;
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

module.exports = { BUILD_SETTINGS, hashOf, recordHashes, changedSince, fileClockMs };
