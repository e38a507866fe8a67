// What `pulumi preview` and `pulumi up` load (package.json "main"): index.ts, bundled by
// scripts/compiled.js (rebuilt when any of its sources changed), so the CLI starts the program with
// no TypeScript loader. Its export is index.ts's: the function whose result is the stack outputs.

const { compiled } = require("./compiled");

module.exports = require(compiled("program"));
