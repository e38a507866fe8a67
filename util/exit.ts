/**
 * Ends the process with `code` once stdout has taken everything written to it. A bare
 * `process.exit` drops what a pipe has not read yet (stdout to a pipe is asynchronous), which cut
 * `npm run plan -- prod --json | jq` at 64 KiB. The scripts still exit explicitly: the Pulumi
 * runtime's mocks leave handles open that would keep the process alive.
 */
export function exitWhenFlushed(code: number): void {
  process.stdout.write("", () => process.exit(code));
}
