/**
 * policy/index.ts served by the real @pulumi/policy analyzer, talked to over gRPC the way the
 * Pulumi CLI does: the pack constructs (the SDK exits on a bad rule), it announces every rule with
 * its level and schema, and for the same resources and config it reports exactly what the offline
 * evaluator (plan/evaluate-policies.ts, used by `npm run plan`) reports.
 */

import * as assert from "node:assert";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import {
  analyzerInputs,
  effectiveConfig,
  effectiveLevel,
  evaluatePolicies,
  type PolicyConfig,
} from "../../plan/evaluate-policies";
import { RULES } from "../../policy/rules";
import { badStack } from "./bad-stack";

// The analyzer's own gRPC and protobuf libraries, resolved from @pulumi/pulumi so that the messages
// built here are instances of the classes its generated code checks against.
const fromPulumi = (id: string): string =>
  require.resolve(id, { paths: [require.resolve("@pulumi/pulumi/proto/analyzer_pb")] });
const grpc = require(fromPulumi("@grpc/grpc-js")) as typeof grpcTypes;
const { Empty } = require(fromPulumi("google-protobuf/google/protobuf/empty_pb")) as typeof emptyTypes;
const { Struct } = require(fromPulumi("google-protobuf/google/protobuf/struct_pb")) as typeof structTypes;

const POLICY_DIR = path.join(__dirname, "..", "..", "policy");
const LEVEL: Record<number, string> = {
  [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};

/** Starts the pack as the CLI does (`node index.ts` in the pack's directory); resolves with the port it prints. */
function startPack(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["-r", "ts-node/register", "index.ts"], {
    cwd: POLICY_DIR,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("exit", (code) => reject(new Error(`the pack exited with ${code} before serving:\n${err}`)));
  });
}

function call<Req, Res>(
  fn: (req: Req, cb: (e: grpcTypes.ServiceError | null, res: Res) => void) => unknown,
  req: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(req, (e, res) => (e ? reject(e) : resolve(res)));
  });
}

/** The config the engine would send after reconciling a policy config file with the pack's schema. */
function configureRequest(config: PolicyConfig): analyzerpb.ConfigureAnalyzerRequest {
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const levels: Record<string, analyzerpb.EnforcementLevel> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
  for (const rule of RULES) {
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(levels[effectiveLevel(rule, config)]);
    pc.setProperties(Struct.fromJavaScript(effectiveConfig(rule, config) as Record<string, never>));
    req.getPolicyconfigMap().set(rule.name, pc);
  }
  return req;
}

function options(protect: boolean): analyzerpb.AnalyzerResourceOptions {
  return new analyzerpb.AnalyzerResourceOptions().setProtect(protect);
}

describe("policy/index.ts served by the @pulumi/policy analyzer", function () {
  this.timeout(120000);
  let child: ChildProcess | undefined;
  let client: analyzerrpc.AnalyzerClient;

  before(async () => {
    const started = await startPack();
    child = started.child;
    client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
  });
  after(() => {
    client?.close();
    if (child?.pid !== undefined && child.exitCode === null) child.kill();
  });

  it("announces every rule with its default level and config schema", async () => {
    const info = await call<emptyTypes.Empty, analyzerpb.AnalyzerInfo>(
      client.getAnalyzerInfo.bind(client),
      new Empty(),
    );
    assert.strictEqual(info.getName(), "cognito-auth-policy");
    const announced = info.getPoliciesList().map((p) => ({
      name: p.getName(),
      level: LEVEL[p.getEnforcementlevel()],
      knobs: Object.keys(p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}).sort(),
    }));
    assert.deepStrictEqual(
      announced,
      RULES.map((r) => ({
        name: r.name,
        level: r.enforcementLevel,
        knobs: Object.keys(r.configSchema.properties).sort(),
      })),
    );
  });

  it("reports what the offline evaluator reports, under prod.json, for a stack that breaks every rule", async () => {
    const config = require("../../policy/config/prod.json") as PolicyConfig;
    await call(client.configure.bind(client), configureRequest(config));
    const run = badStack();
    const { resources, stack } = analyzerInputs(run);

    const served: string[] = [];
    const collect = (res: analyzerpb.AnalyzeResponse, fallbackUrn: string | null) => {
      for (const d of res.getDiagnosticsList())
        served.push(
          `${LEVEL[d.getEnforcementlevel()]} ${d.getPolicyname()} ${d.getUrn() || fallbackUrn} ${d.getMessage()}`,
        );
    };
    for (const r of resources) {
      const req = new analyzerpb.AnalyzeRequest()
        .setType(r.type)
        .setUrn(r.urn as string)
        .setName(r.name)
        .setProperties(Struct.fromJavaScript(r.props as Record<string, never>))
        .setOptions(options(r.opts?.protect === true));
      collect(await call(client.analyze.bind(client), req), r.urn as string);
    }
    const stackReq = new analyzerpb.AnalyzeStackRequest().setResourcesList(
      stack.map((r) => {
        const ar = new analyzerpb.AnalyzerResource()
          .setType(r.type)
          .setUrn(r.urn as string)
          .setName(r.name)
          .setProperties(Struct.fromJavaScript(r.props as Record<string, never>))
          .setOptions(options(r.opts?.protect === true))
          .setDependenciesList(r.dependencies ?? []);
        if (r.parent) ar.setParent(r.parent);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {}))
          ar.getPropertydependenciesMap().set(k, new analyzerpb.AnalyzerPropertyDependencies().setUrnsList(urns));
        return ar;
      }),
    );
    collect(await call(client.analyzeStack.bind(client), stackReq), null);

    const description = new Map(RULES.map((r) => [r.name, r.description]));
    const offline = (await evaluatePolicies(run, config)).map(
      (v) => `${v.level} ${v.policy} ${v.resource} ${description.get(v.policy)}\n${v.message}`,
    );
    assert.ok(offline.length >= RULES.length, "the bad stack breaks every rule");
    assert.deepStrictEqual(served.sort(), offline.sort());
  });
});

/** Package name of a bare import (`@scope/name/sub` -> `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

describe("the pack as the Pulumi CLI builds and publishes it", function () {
  this.timeout(120000);

  it("is type-checked under its own tsconfig, as the CLI's ts-node does, by `npm run typecheck` (the analyzer test above only transpiles)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "..", "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    assert.match(pkg.scripts.typecheck, /(^|&& )tsc --noEmit -p policy\/tsconfig\.json( &&|$)/);
    assert.match(pkg.scripts.test, /npm run typecheck/);
  });

  it("packs only the pack's own files, whose imports resolve inside the package or to its dependencies", () => {
    const r = spawnSync("npm", ["pack", "--dry-run", "--json"], { cwd: POLICY_DIR, encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files
      .map((f) => f.path)
      .sort();
    for (const f of ["index.ts", "PulumiPolicy.yaml", "package.json", "tsconfig.json", "rules/index.ts"])
      assert.ok(files.includes(f), `${f} is not packed`);
    for (const f of ["config/prod.json", "config/dev.json"]) assert.ok(!files.includes(f), `${f} is packed`);
    const deps = Object.keys(
      (
        JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8")) as {
          dependencies: Record<string, string>;
        }
      ).dependencies,
    );
    for (const file of files.filter((f) => f.endsWith(".ts"))) {
      const source = fs.readFileSync(path.join(POLICY_DIR, file), "utf8");
      for (const [, spec] of source.matchAll(/(?:from|require\()\s*"([^"]+)"/g)) {
        if (spec.startsWith(".")) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
          assert.ok(
            files.includes(`${target}.ts`) || files.includes(`${target}/index.ts`),
            `${file} imports ${spec}, which is not packed`,
          );
        } else {
          assert.ok(
            deps.includes(packageOf(spec)) || builtinModules.includes(spec.replace(/^node:/, "")),
            `${file} imports ${spec}, not a dependency of the pack`,
          );
        }
      }
    }
  });
});
