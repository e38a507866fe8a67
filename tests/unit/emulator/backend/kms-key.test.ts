import * as assert from "node:assert";
import { kmsKeyCommands } from "../../../../emulator/backend/kms-key";

describe("emulator/backend/kms-key", () => {
  it("maps the key with its policy and tags, and turns rotation on in a second call", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    assert.deepStrictEqual(
      kmsKeyCommands({
        description: "topic key",
        policy,
        enableKeyRotation: true,
        deletionWindowInDays: 7,
        tags: { team: "auth" },
      }),
      {
        create: { Description: "topic key", Policy: policy, Tags: [{ TagKey: "team", TagValue: "auth" }] },
        rotation: {},
      },
    );
  });

  it("keeps a multi-Region key multi-Region and leaves rotation off unless asked", () => {
    assert.deepStrictEqual(kmsKeyCommands({ multiRegion: true }), { create: { MultiRegion: true } });
    assert.throws(() => kmsKeyCommands({ keyUsage: "SIGN" }), /keyUsage/);
  });
});
