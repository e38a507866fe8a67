/**
 * The scaling benchmark's stacks: a dev stack with N groups, N web clients and N OIDC providers
 * (each client federated with its own provider), written to a temporary directory next to a copy of
 * Pulumi.yaml, so `STACK_DIR=<dir> npm run plan -- bench` plans it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { PROJECT_ROOT } from "../util/project-root";

export const BENCH_STACK = "bench";

const pad = (i: number): string => String(i).padStart(4, "0");

/** The stack file's `config:` block for size N. */
export function scaledStackConfig(n: number): Record<string, unknown> {
  const groups: Record<string, unknown> = {};
  const clients: Record<string, unknown> = {};
  const identityProviders: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const idp = `Oidc${pad(i)}`;
    groups[`Group${pad(i)}`] = { precedence: i + 10, description: `benchmark group ${i}` };
    identityProviders[idp] = {
      type: "oidc",
      clientId: `bench-client-${i}`,
      clientSecret: { secure: `v1:benchSecret${pad(i)}AAAAAAAAAAAA` },
      oidcIssuer: `https://idp${i}.example.com`,
    };
    clients[`web${pad(i)}`] = {
      kind: "web",
      callbackUrls: [`http://localhost:${3000 + i}/auth/callback`],
      logoutUrls: [`http://localhost:${3000 + i}/`],
      identityProviders: [idp],
    };
  }
  return {
    "aws:region": "us-east-1",
    "cognito-auth:environment": "dev",
    "cognito-auth:pool": { name: "cognito-auth-bench" },
    "cognito-auth:domain": { prefix: "auth-bench" },
    "cognito-auth:groups": groups,
    "cognito-auth:clients": clients,
    "cognito-auth:identityProviders": identityProviders,
  };
}

/** Writes `Pulumi.yaml` and `Pulumi.bench.yaml` for size N into a new temporary directory; returns it. */
export function writeScaledStack(n: number, parent = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, `cognito-bench-${n}-`));
  fs.copyFileSync(path.join(PROJECT_ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, `Pulumi.${BENCH_STACK}.yaml`), stringify({ config: scaledStackConfig(n) }));
  return dir;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? "100");
  process.stdout.write(`${writeScaledStack(n)}\n`);
}
