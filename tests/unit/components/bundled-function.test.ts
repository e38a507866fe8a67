import * as assert from "node:assert";
import { policyDocument } from "../../../components/bundled-function";
import type { RunResult } from "../../../offline/runner";
import { ofType, runStack } from "../helpers";

const resolved = (o: { apply<U>(f: (v: string) => U): unknown }) =>
  new Promise<string>((resolve) => {
    o.apply((v) => {
      resolve(v);
      return v;
    });
  });

describe("components/bundled-function", () => {
  let dev: RunResult;
  before(async () => {
    dev = await runStack("dev");
  });

  it("writes each statement with its Sid, actions, resources and condition", async () => {
    const doc = JSON.parse(
      await resolved(
        policyDocument([
          { sid: "A", actions: ["x:Y"], resources: ["arn:aws:x:::r"], condition: { StringEquals: { "x:k": "v" } } },
          { sid: "B", actions: ["x:Z"], resources: ["arn:aws:x:::s"] },
        ]),
      ),
    );
    assert.deepStrictEqual(doc.Statement, [
      {
        Sid: "A",
        Effect: "Allow",
        Action: ["x:Y"],
        Resource: ["arn:aws:x:::r"],
        Condition: { StringEquals: { "x:k": "v" } },
      },
      { Sid: "B", Effect: "Allow", Action: ["x:Z"], Resource: ["arn:aws:x:::s"] },
    ]);
  });

  it("each function: its own role, a log group named for it, logs written only there", () => {
    const fns = ofType(dev, "aws:lambda/function:Function");
    assert.strictEqual(fns.length, 3);
    const roles = new Set(fns.map((f) => f.inputs.role));
    assert.strictEqual(roles.size, fns.length, "one role per function");
    for (const f of fns) {
      const name = String(f.inputs.name);
      assert.strictEqual((f.inputs.loggingConfig as { logGroup: string }).logGroup, `/aws/lambda/${name}`);
      assert.strictEqual(f.inputs.handler, "index.handler");
      assert.deepStrictEqual(f.inputs.architectures, ["arm64"]);
    }
  });
});
