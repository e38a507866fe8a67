/**
 * `npm run plan -- <stack> [--json] [--policy-config=<file>]`: what the stack would create, offline,
 * with no credentials, checked by the policy pack (policy/) with the stack's policy config.
 * Exit 0 on success, 1 on a mandatory policy violation, 2 on bad config (stack or policy config), 3 on a crash (a bug).
 */

// First, before anything loads the SDK.
import "../util/defer-typescript";
import { planCommand } from "../plan/cli";
import { exitWhenFlushed } from "../util/exit";

planCommand(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    process.stderr.write(
      `npm run plan crashed; this is a bug, please report it with this trace:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(3);
  },
);
