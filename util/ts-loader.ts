/**
 * How this project runs TypeScript: tsx's CommonJS hook (esbuild, transpile only, with an on-disk
 * cache), which starts in a fraction of ts-node's time. Type-checking is `npm run typecheck`'s job.
 * Resolved to an absolute path so a child started in another directory (a base-ref worktree, a
 * fixture dir) still finds this checkout's loader.
 */
export const TS_LOADER = require.resolve("tsx/cjs");

/** The node arguments that run a `.ts` entry point: `[...TS_LOADER_ARGS, "script.ts", ...]`. */
export const TS_LOADER_ARGS: readonly string[] = ["-r", TS_LOADER];
