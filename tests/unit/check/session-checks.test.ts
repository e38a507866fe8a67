import * as assert from "node:assert";
import { internalUsername, REVOKED_ACCESS, REVOKED_REFRESH } from "../../../check/session-checks";
import type { Faults } from "./fake-cognito";
import { runFlow } from "./flow-harness";

describe("check/session-checks", () => {
  it("takes the internal username from the access token's username claim, and refuses a token without one", () => {
    assert.strictEqual(
      internalUsername({ sub: "s", idClaims: {}, accessClaims: { username: "7f3c-uuid" } }),
      "7f3c-uuid",
    );
    assert.throws(() => internalUsername({ sub: "s", idClaims: {}, accessClaims: {} }), /no username claim/);
  });

  it("knows Cognito's revocation messages", () => {
    assert.match("Refresh Token has been revoked", REVOKED_REFRESH);
    assert.match("Access Token has been revoked", REVOKED_ACCESS);
    assert.doesNotMatch("Invalid Refresh Token", REVOKED_REFRESH);
    assert.doesNotMatch("Invalid token", REVOKED_ACCESS);
  });

  // Each AWS-only step, failing when AWS answers it wrongly.
  const failures: Array<[string, Faults, string, RegExp]> = [
    [
      "returns no NewDeviceMetadata although the pool tracks devices",
      { noDeviceMetadata: true },
      "confirm-device",
      /sign-in through web: the pool tracks devices, but the sign-in returned no NewDeviceMetadata/,
    ],
    [
      "refuses to confirm the device",
      { refusesDeviceConfirmationAfter: 0 },
      "confirm-device",
      /InvalidParameterException: Invalid device verifier/,
    ],
    [
      "wants the refresh SECRET_HASH over the email",
      { refreshHashWithEmail: true },
      "password-client-refresh",
      /NotAuthorizedException: Unable to verify secret hash for client backend-id/,
    ],
    [
      "refuses a signed-out refresh token for another reason",
      { revokedRefreshMessage: "Invalid Refresh Token" },
      "global-sign-out",
      /web's refresh token was refused, but not as revoked: "Invalid Refresh Token"/,
    ],
    [
      "refuses a signed-out access token for another reason",
      { revokedAccessMessage: "Invalid Access Token" },
      "global-sign-out",
      /GetUser refused the signed-out access token, but not as revoked: "Invalid Access Token"/,
    ],
    [
      "still takes the signed-out access token",
      { signOutKeepsAccessTokens: true },
      "global-sign-out",
      /expected NotAuthorizedException, but the call succeeded/,
    ],
    [
      "signs out only the client whose token asked",
      { signOutKeepsOtherClients: true },
      "global-sign-out-other-client",
      /expected NotAuthorizedException, but the call succeeded/,
    ],
  ];
  for (const [what, faults, step, why] of failures) {
    it(`fails step ${step} when AWS ${what}, and still forgets devices and deletes the user`, async () => {
      const r = await runFlow(faults);
      assert.strictEqual(r.failure?.step, step, r.lines.join("\n"));
      assert.match(r.failure.detail, why);
      const confirmed = r.fc.params("ConfirmDevice").map((p) => p.DeviceKey);
      assert.deepStrictEqual(
        r.fc.params("AdminForgetDevice").map((p) => p.DeviceKey),
        faults.refusesDeviceConfirmationAfter === 0 ? [] : confirmed,
      );
      assert.strictEqual(r.fc.actions().at(-1), "AdminDeleteUser");
      assert.strictEqual(r.fc.users.size, 0);
    });
  }

  it("forgets the first device when confirming the second fails", async () => {
    const r = await runFlow({ refusesDeviceConfirmationAfter: 1 });
    assert.strictEqual(r.failure?.step, "confirm-device", r.lines.join("\n"));
    const [first, second] = r.fc.params("ConfirmDevice").map((p) => p.DeviceKey);
    assert.ok(first && second && first !== second);
    assert.deepStrictEqual(
      r.fc.params("AdminForgetDevice").map((p) => p.DeviceKey),
      [first],
    );
    assert.strictEqual(r.fc.users.size, 0);
  });
});
