import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

/**
 * The node arguments `npm run plan` runs (package.json): the compiled entry, rebuilt when stale.
 * `[...PLAN_ARGS, "prod", "--json"]`. Tests and the benchmark spawn exactly this.
 */
export const PLAN_ARGS: readonly string[] = [path.join(PROJECT_ROOT, "scripts", "compiled.js"), "plan"];
