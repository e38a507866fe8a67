/**
 * Stack outputs of a real deployed stack: `pulumi stack output --json --show-secrets --stack <s>`
 * (the Pulumi CLI, logged in to the stack's backend), or a JSON file holding the same document.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import type { StackOutputs } from "../outputs/stack-outputs";
import { parseStackOutputs } from "../outputs/stack-outputs-schema";

export function outputsFromFile(file: string): StackOutputs {
  if (!fs.existsSync(file)) throw new Error(`no such outputs file: ${file}`);
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseStackOutputs(doc, file);
}

export function outputsFromPulumi(
  stack: string,
  cwd: string,
  pulumi = process.env.PULUMI_CLI ?? "pulumi",
): StackOutputs {
  const args = ["stack", "output", "--json", "--show-secrets", "--stack", stack];
  const r = spawnSync(pulumi, args, { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? `the Pulumi CLI (${pulumi}) is not installed; install it (https://www.pulumi.com/docs/iac/download-install/) or pass the outputs as a file: -- --outputs outputs.json`
        : `${pulumi} ${args.join(" ")}: ${r.error.message}`,
    );
  }
  if (r.status !== 0) throw new Error(`${pulumi} ${args.join(" ")} exited ${r.status}:\n${r.stderr.trim()}`);
  let doc: unknown;
  try {
    doc = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`${pulumi} ${args.join(" ")} did not print JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseStackOutputs(doc, `pulumi stack output --stack ${stack}`);
}
