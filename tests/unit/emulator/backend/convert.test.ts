import * as assert from "node:assert";
import { OAuthFlowType } from "@aws-sdk/client-cognito-identity-provider";
import { compact, enumList, enumValue, MappingError, required } from "../../../../emulator/backend/convert";

describe("emulator/backend/convert", () => {
  it("checks enum values against the SDK's own list", () => {
    assert.strictEqual(enumValue(OAuthFlowType, "code", "f"), "code");
    assert.strictEqual(enumValue(OAuthFlowType, undefined, "f"), undefined);
    assert.throws(
      () => enumValue(OAuthFlowType, "password", "flows"),
      (e: unknown) => e instanceof MappingError && /flows: "password"/.test(e.message),
    );
    assert.deepStrictEqual(enumList(OAuthFlowType, ["code", "implicit"], "f"), ["code", "implicit"]);
  });

  it("compacts away undefined members, and to undefined when nothing is left", () => {
    assert.deepStrictEqual(compact({ a: 1, b: undefined, c: false }), { a: 1, c: false });
    assert.strictEqual(compact({ a: undefined }), undefined);
  });

  it("requires non-empty strings", () => {
    assert.strictEqual(required("x", "f"), "x");
    assert.throws(() => required(undefined, "userPoolId"), /userPoolId is required/);
  });
});
