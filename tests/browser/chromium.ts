/**
 * Where the browser tests find Chromium: `CHROMIUM_PATH`, else Debian's package. Nothing is
 * downloaded (playwright-core ships no browser); a missing browser is a clear error, not a skip.
 */
import * as fs from "node:fs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists = fs.existsSync): string {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return env.CHROMIUM_PATH;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (!found)
    throw new Error(
      `no Chromium found (looked at ${CHROMIUM_CANDIDATES.join(", ")}). Install Debian's package ` +
        "(`sudo apt-get update && sudo apt-get install -y chromium`; .ci/run does this) or set CHROMIUM_PATH.",
    );
  return found;
}
