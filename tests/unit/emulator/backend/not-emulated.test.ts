import * as assert from "node:assert";
import { EMULATED_TYPES } from "../../../../emulator/backend";
import { LOCAL_TYPES, NOT_EMULATED } from "../../../../emulator/backend/not-emulated";
import { RESOURCE_TYPES } from "../../../../offline/resource-types";

describe("emulator/backend/not-emulated", () => {
  it("lists the types moto lacks, each with a reason, none of them also emulated or local", () => {
    for (const t of [
      RESOURCE_TYPES.riskConfiguration,
      RESOURCE_TYPES.managedLoginBranding,
      RESOURCE_TYPES.identityPoolRoleAttachment,
      RESOURCE_TYPES.sesDomainIdentity,
      RESOURCE_TYPES.sesDomainIdentityVerification,
      RESOURCE_TYPES.sesDomainDkim,
    ]) {
      assert.ok(NOT_EMULATED[t]?.length > 10, t);
    }
    const overlap = Object.keys(NOT_EMULATED).filter((t) => EMULATED_TYPES.includes(t) || LOCAL_TYPES.includes(t));
    assert.deepStrictEqual(overlap, []);
    assert.ok(LOCAL_TYPES.every((t) => t.startsWith("random:") || t.startsWith("pulumi:providers:")));
  });
});
