import * as assert from "node:assert";
import { committedStacks, parseArgs, UsageError } from "../../../check/cli";

describe("check/cli", () => {
  it("defaults to every committed stack on the emulator, one user, with the fault check", () => {
    assert.deepStrictEqual(parseArgs([]), {
      emulatorStacks: [],
      users: 1,
      concurrency: 1,
      timeoutMs: 15_000,
      faultCheck: true,
    });
    assert.deepStrictEqual(committedStacks(), ["dev", "prod"]);
  });

  it("parses targets and load options", () => {
    assert.strictEqual(parseArgs(["--stack", "dev"]).stack, "dev");
    assert.strictEqual(parseArgs(["--outputs", "o.json"]).outputsFile, "o.json");
    assert.deepStrictEqual(parseArgs(["--emulator", "dev", "--emulator", "prod"]).emulatorStacks, ["dev", "prod"]);
    const load = parseArgs(["--users", "50", "--concurrency", "10"]);
    assert.deepStrictEqual([load.users, load.concurrency], [50, 10]);
    const fault = parseArgs(["--emulator", "dev", "--fault-at", "refresh"]);
    assert.deepStrictEqual([fault.faultAt, fault.faultCheck], ["refresh", false]);
    assert.strictEqual(parseArgs(["--stack", "prod", "--region", "us-west-2"]).region, "us-west-2");
  });

  it("refuses bad usage with a clear message", () => {
    const bad: Array<[string[], RegExp]> = [
      [["--users", "0"], /--users needs a positive integer, got 0/],
      [["--concurrency"], /--concurrency needs a positive integer/],
      [["--stack"], /--stack needs a value/],
      [["--stack", "dev", "--outputs", "o.json"], /choose one target/],
      [["--stack", "dev", "--fault-at", "refresh"], /--fault-at works on the emulator only/],
      [["--fast"], /unknown option --fast/],
      [["--emulator", "dev", "--region", "us-west-2"], /--region needs a deployed stack.*no replication/],
    ];
    for (const [argv, why] of bad)
      assert.throws(
        () => parseArgs(argv),
        (e: unknown) => e instanceof UsageError && why.test(e.message),
        argv.join(" "),
      );
  });
});
