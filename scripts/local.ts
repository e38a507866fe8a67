/**
 * `npm run local [-- --stack <name>] [--keep]`: the whole job on this machine, no AWS account.
 * Installs the emulator if needed, starts it, deploys the stack (dev by default) into it, runs the
 * login-flow check, writes cognito-config.json and amplify_outputs.json and prints what an app
 * needs. With `--keep` the emulator stays up (until Ctrl-C) for an app to use, and the local
 * sign-in page (local-page/) is served on 127.0.0.1; amplify_outputs.json then points at the page's
 * server, whose Cognito proxy fills moto's gaps (emulator/cognito-proxy.ts).
 */

import * as path from "node:path";
import { Report } from "../check/report";
import { runCheck } from "../check/run-check";
import { emulatorTarget } from "../check/target";
import { ConfigError } from "../config/errors";
import { EMULATOR_CREDENTIALS } from "../emulator/clients";
import { type DeployResult, deployToEmulator } from "../emulator/deploy";
import { EMULATOR_REGION, type MotoServer, startMotoServer } from "../emulator/moto-server";
import { ensureEmulator } from "../emulator/setup";
import { type LocalPage, startLocalPage } from "../local-page/server";
import { amplifyOutputs, secretValues, writeAmplifyOutputs } from "../outputs/amplify-outputs";
import { cognitoConfig, writeCognitoConfig } from "../outputs/cognito-config";
import { exitWhenFlushed } from "../util/exit";
import { PROJECT_ROOT } from "../util/project-root";

export interface LocalOptions {
  stack: string;
  keep: boolean;
}

export function parseLocalArgs(argv: string[]): LocalOptions {
  const o: LocalOptions = { stack: "dev", keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--keep") o.keep = true;
    else if (argv[i] === "--stack") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new Error("--stack needs a stack name");
      o.stack = v;
    } else throw new Error(`unknown option ${argv[i]}\nusage: npm run local [-- --stack <name>] [--keep]`);
  }
  return o;
}

const PHASES = 5;
const out = (l: string): void => {
  process.stdout.write(`${l}\n`);
};
const phase = (n: number, what: string): void => out(`[${n}/${PHASES}] ${what}`);
const ms = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

export function summary(d: DeployResult, endpoint: string, configFile: string): string[] {
  const o = d.outputs;
  const lines = [
    "",
    `Stack ${o.stack} (${o.environment}) on the local emulator`,
    "Endpoints",
    `  emulator (AWS SDK endpoint)  ${endpoint}   region ${o.region}`,
    `  user pool                    ${o.userPoolId}`,
    `  issuer (iss claim)           ${o.issuer}`,
    `  JWKS (local)                 ${endpoint}/${o.userPoolId}/.well-known/jwks.json`,
    `  hosted UI (not served locally) ${o.hostedUiBaseUrl ?? "(no domain)"}`,
    ...(o.identityPoolId ? [`  identity pool                ${o.identityPoolId}`] : []),
    "Clients",
    ...Object.entries(o.clients).map(
      ([k, c]) =>
        `  ${k.padEnd(10)} ${c.kind.padEnd(8)} ${c.clientId}${c.generateSecret ? "  (secret in the config file)" : ""}  ${c.explicitAuthFlows.join(" ")}`,
    ),
    `Groups (by precedence)  ${o.groups.join(", ") || "(none)"}`,
    "Seed users (temporary passwords in the config file; change at first sign-in)",
    ...(Object.values(o.seedUsers).length
      ? Object.values(o.seedUsers).map((u) => `  ${u.username}  groups: ${u.groups.join(", ") || "(none)"}`)
      : ["  (none)"]),
    "Not emulated (values from the offline backend)",
    ...(d.notEmulated.length ? d.notEmulated.map((n) => `  ${n.type}  ${n.name}: ${n.reason}`) : ["  (none)"]),
    `Config written to ${path.relative(process.cwd(), configFile) || configFile} (owner-only; holds secrets)`,
  ];
  return lines;
}

/**
 * Waits until Ctrl-C (the asked-for way to stop: exit 0) or the emulator dying on its own (exit 1).
 * Prepended so it runs before emulator/moto-server's own SIGINT hook, which would exit 130; the
 * `exit` hook there still kills the emulator.
 */
async function keepUntilStopped(server: MotoServer): Promise<number> {
  const died = server.died;
  const onSigint = (): void => {
    out("\nCtrl-C: stopping the emulator.");
    process.exit(0);
  };
  process.prependOnceListener("SIGINT", onSigint);
  await new Promise<void>((resolve) => died.addEventListener("abort", () => resolve(), { once: true }));
  process.removeListener("SIGINT", onSigint);
  out(`the emulator stopped: ${String(died.reason)}`);
  return 1;
}

async function main(): Promise<number> {
  let o: LocalOptions;
  try {
    o = parseLocalArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const configFile = path.join(PROJECT_ROOT, "cognito-config.json");
  const amplifyFile = path.join(PROJECT_ROOT, "amplify_outputs.json");
  let server: MotoServer | undefined;
  let page: LocalPage | undefined;
  try {
    let t0 = performance.now();
    phase(1, "emulator set-up (moto in .venv-moto)");
    const setup = ensureEmulator({ log: (l) => out(`      ${l}`) });
    out(`      ${setup.installed ? "installed" : "already up to date"} (${ms(t0)})`);

    t0 = performance.now();
    phase(2, "starting the emulator");
    server = await startMotoServer();
    out(`      ${server.endpoint} (pid ${server.pid}, ${ms(t0)})`);

    t0 = performance.now();
    phase(3, `deploying stack ${o.stack} into the emulator`);
    const deployed = await deployToEmulator({ stack: o.stack, endpoint: server.endpoint });
    out(`      ${deployed.emulated.length} resources created, ${deployed.notEmulated.length} not emulated (${ms(t0)})`);
    if (deployed.regionNote) out(`      note: ${deployed.regionNote}`);

    t0 = performance.now();
    phase(4, "login-flow check");
    const report = new Report((l) => out(`    ${l}`), true);
    await runCheck(await emulatorTarget(server.endpoint, deployed.outputs, server.died), report, {});
    out(`      ${report.closingLine()} (${ms(t0)})`);

    phase(5, "writing cognito-config.json and amplify_outputs.json");
    writeCognitoConfig(configFile, cognitoConfig(deployed.outputs, "emulator", server.endpoint));
    if (o.keep) page = await startLocalPage({ motoEndpoint: server.endpoint, source: deployed.outputs });
    const amplifyNote = writeLocalAmplifyOutputs(amplifyFile, deployed, server.endpoint, page);
    for (const l of summary(deployed, server.endpoint, configFile)) out(l);
    out(amplifyNote);
    if (page) out(`Local sign-in page  ${page.url}   (sign up, confirm, SRP, TOTP, claims, refresh, sign out)`);

    if (report.failed > 0) out(`\nThe login-flow check failed (${report.failed}); see the FAIL lines above.`);
    if (o.keep) {
      out(`\nEmulator running on ${server.endpoint} (region ${EMULATOR_REGION}, any credentials). Ctrl-C stops it.`);
      const { accessKeyId, secretAccessKey } = EMULATOR_CREDENTIALS;
      out(
        `  e.g. AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=${server.endpoint} AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
      );
      return await keepUntilStopped(server);
    }
    return report.failed > 0 ? 1 : 0;
  } catch (e) {
    // A refused config is the user's to fix: its message alone, exit 2 as in `npm run plan`.
    if (e instanceof ConfigError) {
      process.stderr.write(`\n${e.message}\n`);
      return 2;
    }
    process.stderr.write(`\nnpm run local failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await page?.close();
    await server?.stop();
  }
}

/**
 * amplify_outputs.json for the emulator: with the page running, its server (the proxy that answers
 * Amplify's GetTokensFromRefreshToken) is the endpoint; without it, moto itself (no refresh).
 */
function writeLocalAmplifyOutputs(file: string, d: DeployResult, motoEndpoint: string, page?: LocalPage): string {
  const rel = path.relative(process.cwd(), file) || file;
  if (!d.outputs.appConfig.auth) return `No ${rel}: stack ${d.stack} has no public app client`;
  const endpoint = page ? page.url : `${motoEndpoint}/`;
  try {
    writeAmplifyOutputs(
      file,
      amplifyOutputs(d.outputs, { userPoolEndpoint: endpoint, identityPoolEndpoint: endpoint }),
      secretValues(d.outputs),
    );
  } catch (e) {
    return `No ${rel}: ${e instanceof Error ? e.message : String(e)}`;
  }
  return `Amplify outputs written to ${rel} (owner-only; no secrets; Cognito endpoint ${endpoint})`;
}

if (require.main === module) {
  main().then(
    (code) => exitWhenFlushed(code),
    (e: unknown) => {
      process.stderr.write(
        `npm run local crashed; this is a bug, please report it with this trace:\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exit(3);
    },
  );
}
