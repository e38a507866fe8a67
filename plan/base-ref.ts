/**
 * Plans stacks as they were at a git ref: the program and the stack files both from that commit,
 * checked out in a temporary worktree (removed afterwards) and run in a child process, so every
 * module is the ref's. The child is the ref's own `scripts/plan.ts <stack> --json` (through the ref's
 * scripts/compiled.js where it has one, as its `npm run plan` does); its document is
 * read with plan/snapshot.ts, which copes with older documents. A ref that cannot be planned (no
 * such commit, an older layout, invalid config) comes back as a failure with the reason.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planArgs } from "../util/plan-command";
import { PROJECT_ROOT } from "../util/project-root";
import { TS_LOADER_ARGS } from "../util/ts-loader";
import type { BaseFailure } from "./diff-report";
import { emptySnapshot, type PlanSnapshot, snapshotFromPlanDocument } from "./snapshot";

export interface BaseWorktree {
  ref: string;
  commit: string;
  /** `ref (abc1234)`. */
  label: string;
  /** The repository's top level (the live checkout) and the worktree's. */
  repoRoot: string;
  worktree: string;
  /** The project root inside the worktree. */
  root: string;
}

export interface PlanAtRefOptions {
  /** The head's `--policy-config=<file>`, given to the base too. */
  policyConfig?: string;
  /** The head's STACK_DIR: the same folder in the worktree if it lies in the repository, else the project root. */
  stackDir?: string;
  /** @default the project root */
  projectRoot?: string;
}

interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
}

const CHILD_TIMEOUT_MS = 300_000;
/** Untracked folders the worktree needs, linked from the live checkout. */
const LINKED = ["node_modules", "policy/node_modules"];

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ChildResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: CHILD_TIMEOUT_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code === -1 ? error.message : "") });
      },
    );
  });
}

async function git(args: string[], cwd: string): Promise<string> {
  const r = await run("git", args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr.trim() || `exit ${r.code}`}`);
  return r.stdout.trim();
}

/** Checks out `ref` in a temporary worktree for `fn`, and removes it afterwards whatever happens. */
export async function withWorktree<T>(
  ref: string,
  fn: (wt: BaseWorktree) => Promise<T>,
  projectRoot = PROJECT_ROOT,
): Promise<T> {
  const repoRoot = await git(["rev-parse", "--show-toplevel"], projectRoot);
  let commit: string;
  try {
    commit = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], projectRoot);
  } catch {
    throw new Error(`base ref "${ref}" is not a commit of ${repoRoot}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-base-"));
  const worktree = path.join(dir, "wt");
  const links: string[] = [];
  try {
    await git(["worktree", "add", "--detach", "--quiet", worktree, commit], projectRoot);
    const root = path.join(worktree, path.relative(repoRoot, projectRoot));
    for (const rel of LINKED) {
      const [from, to] = [path.join(projectRoot, rel), path.join(root, rel)];
      if (fs.existsSync(from) && fs.existsSync(path.dirname(to)) && !fs.existsSync(to)) {
        fs.symlinkSync(from, to, "dir");
        links.push(to);
      }
    }
    const short = commit.slice(0, 7);
    const label = commit.startsWith(ref) ? short : `${ref} (${short})`;
    return await fn({ ref, commit, label, repoRoot, worktree, root });
  } finally {
    // The links go first, so that nothing removing the worktree can reach the live node_modules.
    for (const link of links) fs.rmSync(link, { force: true });
    try {
      await git(["worktree", "remove", "--force", worktree], projectRoot);
    } catch {
      fs.rmSync(worktree, { recursive: true, force: true });
      await git(["worktree", "prune"], projectRoot).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function baseStackDir(wt: BaseWorktree, stackDir: string | undefined): string {
  if (!stackDir) return wt.root;
  const rel = path.relative(wt.repoRoot, path.resolve(stackDir));
  return rel.startsWith("..") || path.isAbsolute(rel) ? wt.root : path.join(wt.worktree, rel);
}

/** The start of a child's stderr: the error comes first, its stack trace after. */
function excerpt(s: string, lines = 8): string {
  const all = s.trim().split("\n");
  return [...all.slice(0, lines), ...(all.length > lines ? ["..."] : [])].join("\n");
}

/** Plans one stack in the worktree with the ref's own `scripts/plan.ts`, compiled where the ref compiles it. */
export async function planInWorktree(
  wt: BaseWorktree,
  stack: string,
  opts: PlanAtRefOptions = {},
): Promise<PlanSnapshot | BaseFailure> {
  const fail = (error: string): BaseFailure => ({ label: wt.label, error });
  const script = path.join(wt.root, "scripts", "plan.ts");
  if (!fs.existsSync(script)) return fail(`${wt.label} has no scripts/plan.ts (an older layout): it cannot be planned`);
  const stackDir = baseStackDir(wt, opts.stackDir);
  if (!fs.existsSync(path.join(stackDir, `Pulumi.${stack}.yaml`)))
    return emptySnapshot(stack, wt.label, `no Pulumi.${stack}.yaml at ${wt.label}: every resource is new`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.STACK_DIR;
  if (stackDir !== wt.root) env.STACK_DIR = stackDir;
  const tsconfig = path.join(wt.root, "tsconfig.json");
  if (fs.existsSync(tsconfig)) env.TS_NODE_PROJECT = tsconfig;
  else delete env.TS_NODE_PROJECT;
  // A ref with the compiled entry plans as `npm run plan` does there; an older one through the loader.
  const compiled = planArgs(wt.root);
  const entry = fs.existsSync(compiled[0]) ? compiled : [...TS_LOADER_ARGS, script];
  const args = [...entry, stack, "--json"];
  if (opts.policyConfig) args.push(`--policy-config=${path.resolve(opts.policyConfig)}`);
  const r = await run(process.execPath, args, wt.root, env);
  if (r.code === 2)
    return fail(`stack ${stack} does not plan at ${wt.label} (config error):\n${excerpt(r.stderr, 40)}`);
  if (r.code !== 0 && r.code !== 1)
    return fail(`planning ${stack} at ${wt.label} failed (exit ${r.code}):\n${excerpt(r.stderr)}`);
  try {
    return snapshotFromPlanDocument(JSON.parse(r.stdout), wt.label);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const stderr = excerpt(r.stderr);
    return fail(`${wt.label} printed no plan document for ${stack} (${why})${stderr ? `:\n${stderr}` : ""}`);
  }
}

/** Each stack as it was at `ref`, by stack name; every stack fails alike when the ref cannot be checked out. */
export async function planAtRef(
  ref: string,
  stacks: string[],
  opts: PlanAtRefOptions = {},
): Promise<Map<string, PlanSnapshot | BaseFailure>> {
  try {
    return await withWorktree(
      ref,
      async (wt) => {
        const out = new Map<string, PlanSnapshot | BaseFailure>();
        for (const stack of stacks) out.set(stack, await planInWorktree(wt, stack, opts));
        return out;
      },
      opts.projectRoot,
    );
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return new Map(stacks.map((s) => [s, { label: ref, error }] as const));
  }
}
