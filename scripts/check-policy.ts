/**
 * `npm run check-policy -- <program-dir> <stack> [--policy-config=<file>] [--stack-tag=<key>=<value>]... [--json]`:
 * any Pulumi TypeScript program, offline, judged by the policy pack (plan/check-policy.ts).
 * Exit 0 on success, 1 on a mandatory policy violation, 2 when the program cannot be run or the
 * policy config is wrong, 3 on a crash (a bug).
 */

import { checkPolicyCommand } from "../plan/check-policy";
import { exitWhenFlushed } from "../util/exit";

checkPolicyCommand(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    process.stderr.write(
      `npm run check-policy crashed; this is a bug, please report it with this trace:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(3);
  },
);
