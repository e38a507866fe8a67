import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

/**
 * The node arguments `npm run plan` runs (package.json) in a checkout: its compiled entry, rebuilt
 * when stale. `[...planArgs(root), "prod", "--json"]`.
 */
export const planArgs = (root: string): string[] => [path.join(root, "scripts", "compiled.js"), "plan"];

/** This checkout's: what tests and the benchmark spawn. */
export const PLAN_ARGS: readonly string[] = planArgs(PROJECT_ROOT);
