import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { buildSync } from "esbuild";
import { PROJECT_ROOT } from "../util/project-root";

/** The Node.js runtime every built function runs on; esbuild targets the same version. */
export const NODE_RUNTIME = "nodejs22.x";

/**
 * One file of functions/ bundled into a single CommonJS file. Synchronous, at program time (never
 * inside an apply), and deterministic: no source map, no absolute paths (esbuild's comments name
 * files relative to the project root), no timestamps. The AWS SDK v3 stays external because the
 * Node.js runtime ships it.
 */
export function bundleFunction(file: string): string {
  const result = buildSync({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [path.join("functions", file)],
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
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** The Lambda code archive of a bundle: `index.js`, so the handler is `index.handler`. */
export function functionArchive(file: string): pulumi.asset.AssetArchive {
  return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleFunction(file)) });
}
