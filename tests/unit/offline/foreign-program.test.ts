import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  FOREIGN_INVOKES,
  runForeignProgram,
  STACK_REFERENCE_ACCOUNT,
  stackReferenceStandIn,
} from "../../../offline/foreign-program";

const made: string[] = [];

/** A throw-away program outside the repository, so it has no node_modules of its own. */
function program(name: string, index: string, stackConfig = "config:\n  aws:region: eu-west-1\n"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `foreign-${name}-`));
  made.push(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackConfig);
  fs.writeFileSync(path.join(dir, "index.ts"), index);
  return dir;
}

describe("offline/foreign-program (runs another team's program under mocks)", function () {
  this.timeout(60_000);
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs a program outside the repository with @pulumi/* from this repository, with its own config namespace", async () => {
    const dir = program(
      "team-a",
      `import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const cfg = new pulumi.Config();
const pool = new aws.cognito.UserPool("p", { name: cfg.require("poolName"), tags: { env: cfg.require("env") } });
export const id = pool.id;
export const arn = pool.arn;
`,
      "config:\n  aws:region: eu-west-1\n  poolName: team-a-users\n  team-a:env: dev\n",
    );
    const run = await runForeignProgram({ programDir: dir, stack: "dev" });
    assert.strictEqual(run.project, "team-a");
    assert.deepStrictEqual(
      run.resources.map((r) => [r.type, r.name, r.urn]),
      [["aws:cognito/userPool:UserPool", "p", "urn:pulumi:dev::team-a::aws:cognito/userPool:UserPool::p"]],
    );
    assert.deepStrictEqual(run.resources[0].inputs.name, "team-a-users");
    assert.deepStrictEqual(run.resources[0].inputs.tags, { env: "dev" });
    assert.match(String(run.outputs.arn), /^arn:aws:cognito-idp:eu-west-1:123456789012:userpool\/eu-west-1_/);
  });

  it("answers getCallerIdentity, getRegion, getPartition and getPolicyDocument", async () => {
    const dir = program(
      "team-b",
      `import * as aws from "@pulumi/aws";
const who = aws.getCallerIdentityOutput();
const region = aws.getRegionOutput();
const partition = aws.getPartitionOutput();
const trust = aws.iam.getPolicyDocumentOutput({
  statements: [{
    actions: ["sts:AssumeRole"],
    principals: [{ type: "Service", identifiers: ["cognito-idp.amazonaws.com"] }],
    conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [who.accountId] }],
  }],
});
new aws.iam.Role("sms", { assumeRolePolicy: trust.json });
export const account = who.accountId;
export const regionName = region.region;
export const partitionName = partition.partition;
`,
    );
    const run = await runForeignProgram({ programDir: dir, stack: "dev" });
    assert.deepStrictEqual(
      [run.outputs.account, run.outputs.regionName, run.outputs.partitionName],
      ["123456789012", "eu-west-1", "aws"],
    );
    const role = run.resources.find((r) => r.type === "aws:iam/role:Role");
    assert.deepStrictEqual(JSON.parse(String(role?.inputs.assumeRolePolicy)), {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { Service: "cognito-idp.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        },
      ],
    });
  });

  it("stands in for StackReference outputs with an ARN of another account, and lists them", async () => {
    const dir = program(
      "team-c",
      `import * as pulumi from "@pulumi/pulumi";
const shared = new pulumi.StackReference("acme/shared/prod");
export const role = shared.getOutput("smsRoleArn");
export const required = shared.requireOutput("topicArn");
`,
    );
    const run = await runForeignProgram({ programDir: dir, stack: "dev" });
    assert.strictEqual(run.outputs.role, stackReferenceStandIn("acme/shared/prod", "smsRoleArn"));
    assert.ok(String(run.outputs.role).startsWith(`arn:aws:iam::${STACK_REFERENCE_ACCOUNT}:role/`));
    assert.deepStrictEqual(run.stackReferenceOutputs, ["acme/shared/prod.smsRoleArn", "acme/shared/prod.topicArn"]);
  });

  it("gives AWS types without an offline mock a generic id and ARN, and says so", async () => {
    const dir = program(
      "team-d",
      `import * as aws from "@pulumi/aws";
export const queue = new aws.sqs.Queue("alerts", {}).arn;
`,
    );
    const run = await runForeignProgram({ programDir: dir, stack: "dev" });
    assert.deepStrictEqual(run.genericTypes, ["aws:sqs/queue:Queue"]);
    assert.match(String(run.outputs.queue), /^arn:aws:sqs:eu-west-1:123456789012:alerts-/);
  });

  it("refuses an unsupported invoke at once, naming it and the supported ones", async () => {
    const dir = program(
      "team-e",
      `import * as aws from "@pulumi/aws";
export const zone = aws.route53.getZoneOutput({ name: "example.com" }).zoneId;
`,
    );
    await assert.rejects(runForeignProgram({ programDir: dir, stack: "dev" }), (e: Error) => {
      assert.match(e.message, /invoke aws:route53\/getZone:getZone is not supported offline/);
      for (const token of FOREIGN_INVOKES) assert.ok(e.message.includes(token), token);
      return true;
    });
  });

  it("refuses a resource type of another provider", async () => {
    const dir = program(
      "team-f",
      `import * as pulumi from "@pulumi/pulumi";
new pulumi.CustomResource("gcp:storage/bucket:Bucket", "b", {});
`,
    );
    await assert.rejects(
      runForeignProgram({ programDir: dir, stack: "dev" }),
      /gcp:storage\/bucket:Bucket \(b\) is not supported offline/,
    );
  });

  it("explains a folder that is not a Pulumi program, a missing stack file and a non-Node runtime", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "foreign-empty-"));
    made.push(empty);
    await assert.rejects(runForeignProgram({ programDir: empty, stack: "dev" }), /no Pulumi\.yaml/);
    const dir = program("team-g", "export {};\n");
    await assert.rejects(
      runForeignProgram({ programDir: dir, stack: "prod" }),
      /no such stack file; the stacks there are: dev/,
    );
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: team-g\nruntime: python\n");
    await assert.rejects(runForeignProgram({ programDir: dir, stack: "dev" }), /only nodejs \(TypeScript\) programs/);
  });
});
