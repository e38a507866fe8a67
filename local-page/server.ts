/**
 * Serves the local sign-in page on 127.0.0.1: index.html, app.ts bundled by esbuild at start (no
 * CDN), amplify_outputs.json pointing at this server, the Cognito proxy (emulator/cognito-proxy.ts)
 * and one local-only admin route: confirm a sign-up (AdminConfirmSignUp), optionally with a group
 * and custom attributes, which only an emulator may offer to anyone who can reach the page.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminUpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { build } from "esbuild";
import { emulatorClients } from "../emulator/clients";
import { isCognitoCall, type ProxyStats, proxyCognitoCall } from "../emulator/cognito-proxy";
import { EMULATOR_HOST } from "../emulator/moto-server";
import { type AmplifyOutputsFile, type AmplifyOutputsSource, amplifyOutputs } from "../outputs/amplify-outputs";

export interface LocalPageOptions {
  /** moto's `http://127.0.0.1:<port>` */
  motoEndpoint: string;
  /** The deployed stack's outputs (from the emulator). */
  source: AmplifyOutputsSource;
  /** @default a free port */
  port?: number;
}

export interface LocalPage {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The outputs file as the page loads it: endpoints are this server. */
  outputs: AmplifyOutputsFile;
  stats: ProxyStats;
  close(): Promise<void>;
}

const DIR = __dirname;

/** Bundles app.ts for the browser; aws-amplify and qrcode-generator come from node_modules. */
export async function bundleApp(): Promise<string> {
  const r = await build({
    entryPoints: [path.join(DIR, "app.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

export interface AdminConfirmRequest {
  username: string;
  group?: string;
  attributes?: Record<string, string>;
}

/** Checks the admin route's body against the pool's own groups and custom attributes. */
export function parseAdminConfirm(body: string, outputs: AmplifyOutputsFile): AdminConfirmRequest {
  const v = JSON.parse(body) as Partial<AdminConfirmRequest>;
  if (typeof v.username !== "string" || !v.username) throw new Error("username is required");
  const groups = outputs.auth.groups.flatMap((g) => Object.keys(g));
  if (v.group !== undefined && v.group !== "" && !groups.includes(v.group))
    throw new Error(`no group ${v.group} in this pool (${groups.join(", ")})`);
  const allowed = outputs.custom.cognito_auth.custom_attributes;
  const attributes = Object.fromEntries(Object.entries(v.attributes ?? {}).filter(([, val]) => val !== ""));
  for (const [k, val] of Object.entries(attributes)) {
    if (!allowed.includes(k)) throw new Error(`${k} is not one of this pool's custom attributes`);
    if (typeof val !== "string") throw new Error(`${k} must be a string`);
  }
  return { username: v.username, group: v.group || undefined, attributes };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const json = (res: http.ServerResponse, status: number, v: unknown): void => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(v));
};

export async function startLocalPage(o: LocalPageOptions): Promise<LocalPage> {
  const app = await bundleApp();
  const html = fs.readFileSync(path.join(DIR, "index.html"), "utf8");
  const { idp } = emulatorClients({ endpoint: o.motoEndpoint });
  const stats: ProxyStats = { shimmed: {} };
  let outputs: AmplifyOutputsFile | undefined;
  const poolId = o.source.appConfig.auth?.user_pool_id;

  const server = http.createServer((req, res) => {
    const handle = async (): Promise<void> => {
      if (!outputs) throw new Error("not ready");
      if (isCognitoCall(req)) return proxyCognitoCall(req, res, o.motoEndpoint, stats);
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
      } else if (req.method === "GET" && url.pathname === "/app.js") {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(app);
      } else if (req.method === "GET" && url.pathname === "/amplify_outputs.json") {
        json(res, 200, outputs);
      } else if (req.method === "POST" && url.pathname === "/local/admin-confirm") {
        let r: AdminConfirmRequest;
        try {
          r = parseAdminConfirm(await readBody(req), outputs);
        } catch (e) {
          return json(res, 400, { name: "BadRequest", message: (e as Error).message });
        }
        try {
          await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: r.username }));
          if (r.group)
            await idp.send(
              new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: r.username, GroupName: r.group }),
            );
          const attrs = Object.entries(r.attributes ?? {}).map(([Name, Value]) => ({ Name, Value }));
          if (attrs.length)
            await idp.send(
              new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: r.username, UserAttributes: attrs }),
            );
          json(res, 200, { confirmed: r.username, group: r.group ?? null, attributes: r.attributes });
        } catch (e) {
          json(res, 400, { name: (e as Error).name, message: (e as Error).message });
        }
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    };
    handle().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { name: "InternalError", message: (e as Error).message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, EMULATOR_HOST, () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr !== "object") throw new Error("the local page server has no address");
  const origin = `http://${EMULATOR_HOST}:${addr.port}`;
  outputs = amplifyOutputs(o.source, { userPoolEndpoint: `${origin}/`, identityPoolEndpoint: `${origin}/` });
  return {
    url: `${origin}/`,
    outputs,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
