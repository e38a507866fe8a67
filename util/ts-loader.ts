/**
 * How this project runs TypeScript: @swc-node/register (swc, native, transpile only), which hooks
 * only `.ts` files; tsx, tried first, also inspects every `.js` file of node_modules, which doubled
 * the start of a process loading @pulumi/aws. Type-checking is `npm run typecheck`'s job.
 * Resolved to an absolute path so a child started in another directory (a base-ref worktree, a
 * fixture dir) still finds this checkout's loader.
 */
export const TS_LOADER = require.resolve("@swc-node/register");

/** The node arguments that run a `.ts` entry point: `[...TS_LOADER_ARGS, "script.ts", ...]`. */
export const TS_LOADER_ARGS: readonly string[] = ["-r", TS_LOADER];
