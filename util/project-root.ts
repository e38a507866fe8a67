import * as path from "node:path";

/** The project's root folder (where Pulumi.yaml is), whichever module asks. */
export const PROJECT_ROOT = path.resolve(__dirname, "..");
