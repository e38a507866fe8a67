import { program } from "./program";

// Pulumi calls an exported function and uses what it returns as the stack outputs.
export = program;
