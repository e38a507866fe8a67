/**
 * `npm run test:integration [-- options]`: the login-flow check.
 *
 *   (no options)              every committed stack (Pulumi.<stack>.yaml) deployed in turn into the
 *                             local emulator, each checked; then the emulator fault check
 *   --emulator <stack>        only this stack in the emulator (repeatable)
 *   --stack <stack>           a real deployed stack: `pulumi stack output --json --show-secrets`
 *   --outputs <file.json>     a real deployed stack, outputs from a file
 *   --users N --concurrency C N full flows, C at once; prints p50/p95 per step and per flow
 *   --timeout-ms MS           bound for every call (default 15000)
 *   --no-fault-check          skip the emulator fault check
 *   --fault-at <step>         (used by the fault check) kill the emulator when <step> starts
 *
 * Ends with `N passed, N failed[, N skipped]` on its own line; exits 1 on any failure, 2 on bad usage or a
 * refused stack config, 3 on a crash (a bug).
 */

import { main } from "../check/cli";
import { exitWhenFlushed } from "../util/exit";

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    process.stderr.write(
      `the login-flow check crashed; this is a bug, please report it with this trace:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(3);
  },
);
