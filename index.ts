import { program } from "./program";

// Pulumi calls the exported function and uses what it returns as the stack outputs.
export = () => program();
