/**
 * `npm run outputs -- --stack <name> [--out <file>]`: writes amplify_outputs.json for a deployed
 * stack from `pulumi stack output --json`. Secrets are never asked for (`--show-secrets=false`):
 * the file holds a public client's settings only.
 */

import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { z } from "zod";
import type { AmplifyOutputsSource } from "../outputs/amplify-outputs";
import { amplifyOutputs, writeAmplifyOutputs } from "../outputs/amplify-outputs";
import type { AppConfig, ClientOutput } from "../outputs/stack-outputs";
import { exitWhenFlushed } from "../util/exit";

export interface OutputsOptions {
  stack: string;
  out: string;
}

const USAGE = "usage: npm run outputs -- --stack <name> [--out <file>]";

export function parseOutputsArgs(argv: string[], cwd = process.cwd()): OutputsOptions {
  let stack: string | undefined;
  let out = path.join(cwd, "amplify_outputs.json");
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--stack" || flag === "--out") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new Error(`${flag} needs a value\n${USAGE}`);
      if (flag === "--stack") stack = v;
      else out = path.resolve(cwd, v);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!stack) throw new Error(`--stack is required\n${USAGE}`);
  return { stack, out };
}

/** Only what the file is built from; `[secret]`-masked outputs are not read. */
const source = z.object({
  stack: z.string(),
  customAttributes: z.array(z.string()),
  clients: z.record(
    z.string(),
    z.custom<ClientOutput>((c) => typeof c === "object" && c !== null && "clientId" in c),
  ),
  appConfig: z.custom<AppConfig>(
    (v) => typeof v === "object" && v !== null && typeof (v as { version?: unknown }).version === "string",
    "an Amplify outputs object with a version",
  ),
});

/** `pulumi stack output --json` text to what amplifyOutputs() reads, or an error naming each wrong key. */
export function sourceFromStackOutputJson(text: string, from: string): AmplifyOutputsSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${from} did not print JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = source.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
  throw new Error(`the outputs from ${from} are not this program's (outputs/README.md):\n${problems}`);
}

/** Runs the Pulumi CLI; a missing CLI gets an explanation, not ENOENT. */
export function readStackOutputs(stack: string, pulumi = process.env.PULUMI_CLI ?? "pulumi"): string {
  const args = ["stack", "output", "--json", "--show-secrets=false", "--stack", stack];
  const r = spawnSync(pulumi, args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? `the Pulumi CLI (${pulumi}) is not installed or not on PATH; install it (https://www.pulumi.com/docs/install/) and log in to the backend that holds stack ${stack}`
        : `could not run ${pulumi}: ${r.error.message}`,
    );
  }
  if (r.status !== 0) throw new Error(`${pulumi} ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr.trim()}`);
  return r.stdout;
}

export function main(argv = process.argv.slice(2)): number {
  let o: OutputsOptions;
  try {
    o = parseOutputsArgs(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const src = sourceFromStackOutputJson(readStackOutputs(o.stack), `pulumi stack output --stack ${o.stack}`);
    writeAmplifyOutputs(o.out, amplifyOutputs(src));
    process.stdout.write(`wrote ${path.relative(process.cwd(), o.out) || o.out} for stack ${o.stack} (owner-only)\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`npm run outputs failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) exitWhenFlushed(main());
