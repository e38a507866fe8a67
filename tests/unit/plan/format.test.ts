import * as assert from "node:assert";
import { RESOURCE_TYPES } from "../../../offline/resource-types";
import type { RunResult } from "../../../offline/runner";
import { formatPlanTable, planDocument } from "../../../plan/format";
import { recordedResource } from "../helpers";

const run: RunResult = {
  stack: "t",
  createdLate: [],
  outputs: { userPoolId: "p", clients: { web: { clientSecret: "s3cr3t" } } },
  secretOutputPaths: ["clients.web.clientSecret"],
  resources: [
    recordedResource("c", { type: "cognito-auth:index:CognitoAuth", urn: "u1", custom: false }),
    recordedResource("c-google", {
      type: RESOURCE_TYPES.identityProvider,
      urn: "u2",
      parent: "cognito-auth:index:CognitoAuth::c",
      inputs: {
        providerName: "Google",
        providerType: "Google",
        providerDetails: { client_id: "id", client_secret: "hunter2" },
      },
      secretPaths: ["providerDetails.client_secret"],
      protect: true,
    }),
  ],
};

describe("plan/format", () => {
  it("masks secret inputs and outputs in the JSON document", () => {
    const doc = JSON.stringify(planDocument(run));
    assert.ok(!doc.includes("hunter2") && !doc.includes("s3cr3t"), doc);
    assert.ok(doc.includes('"client_secret":"[secret]"'));
  });
  it("lists type, name, URN, parent, secret paths and protect per resource", () => {
    const doc = planDocument(run) as { resources: Array<Record<string, unknown>> };
    assert.deepStrictEqual(doc.resources[1], {
      type: RESOURCE_TYPES.identityProvider,
      name: "c-google",
      urn: "u2",
      parent: "cognito-auth:index:CognitoAuth::c",
      secretPaths: ["providerDetails.client_secret"],
      inputs: {
        providerName: "Google",
        providerType: "Google",
        providerDetails: { client_id: "id", client_secret: "[secret]" },
      },
      protect: true,
      retainOnDelete: false,
    });
  });
  it("prints a table with key settings and flags, never a secret", () => {
    const table = formatPlanTable(run);
    assert.match(table, /^Stack t: 1 resources in 1 components/);
    assert.match(table, /cognito:IdentityProvider\s+c-google\s+protect\s+providerName=Google providerType=Google/);
    assert.ok(!table.includes("hunter2"));
  });
});
