import * as assert from "node:assert";
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { preTokenGeneration } from "../../../functions/pre-token-generation";
import { fixtureEvent } from "./fixtures";

describe("functions/pre-token-generation", () => {
  const run = preTokenGeneration({
    claims: { tenant: "example" },
    groupScopes: { Administrators: ["https://api/admin", "https://api/read"], Customers: ["https://api/read"] },
  });

  it("adds the claims to both tokens and the members' group scopes to the access token", async () => {
    const out = await run(fixtureEvent<PreTokenGenerationV2TriggerEvent>("pre-token-generation-v2"));
    assert.deepStrictEqual(out.response.claimsAndScopeOverrideDetails, {
      idTokenGeneration: { claimsToAddOrOverride: { tenant: "example" } },
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant: "example" },
        scopesToAdd: ["https://api/admin", "https://api/read"],
      },
    });
  });

  it("adds no scope to a user in no mapped group", async () => {
    const e = fixtureEvent<PreTokenGenerationV2TriggerEvent>("pre-token-generation-v2");
    e.request.groupConfiguration.groupsToOverride = ["PremiumCustomers"];
    const out = await run(e);
    assert.strictEqual(out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.scopesToAdd, undefined);
  });
});
