import * as assert from "node:assert";
import { createHmac } from "node:crypto";
import { SKIP } from "../../../check/login-flow";
import { SESSION_SKIP } from "../../../check/session-checks";
import { EMULATOR_CAPABILITIES } from "../../../check/target";
import { type Faults, INCORRECT } from "./fake-cognito";
import { type FlowRun, runFlow } from "./flow-harness";

const EMAIL = "success+login-check-run1-1@simulator.amazonses.com";

/** The AWS flow, step by step, with the calls each step makes. */
const AWS_FLOW: Array<[string, string[]]> = [
  ["sign-up-weak-password", ["SignUp"]],
  ["sign-up", ["SignUp"]],
  ["admin-confirm", ["AdminConfirmSignUp", "ListUsers"]],
  ["admin-group-and-attribute", ["AdminAddUserToGroup", "AdminUpdateUserAttributes"]],
  ["srp-sign-in", ["InitiateAuth", "RespondToAuthChallenge"]],
  ["srp-wrong-password", ["InitiateAuth", "RespondToAuthChallenge"]],
  ["totp-enrol", ["AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference"]],
  ["mfa-sign-in", ["InitiateAuth", "RespondToAuthChallenge", "RespondToAuthChallenge"]],
  ["password-sign-in", ["InitiateAuth", "RespondToAuthChallenge"]],
  ["password-flow-refused", ["InitiateAuth"]],
  ["secret-hash-required", ["InitiateAuth", "InitiateAuth", "InitiateAuth"]],
  ["verify-tokens", []],
  ["confirm-device", ["ConfirmDevice", "ConfirmDevice"]],
  ["refresh", ["InitiateAuth"]],
  ["password-client-refresh", ["InitiateAuth"]],
  ["get-user", ["GetUser"]],
  ["wrong-credentials", ["InitiateAuth"]],
  ["same-answer-for-unknown-user", ["InitiateAuth", "InitiateAuth"]],
  ["global-sign-out", ["GlobalSignOut", "InitiateAuth", "GetUser"]],
  ["global-sign-out-other-client", ["InitiateAuth"]],
  ["cleanup", ["AdminForgetDevice", "AdminForgetDevice", "AdminDeleteUser"]],
];

function assertCleanedUp(r: FlowRun): void {
  assert.ok(
    ![...r.fc.users.values()].some((u) => u.email.startsWith("success+login-check-run1-")),
    "the flow's user is deleted",
  );
  assert.strictEqual(r.fc.actions().at(-1), "AdminDeleteUser");
}

describe("check/login-flow", () => {
  describe("against AWS's answers (the fake Cognito)", () => {
    let r: FlowRun;
    before(async () => {
      r = await runFlow();
    });

    it("runs every step, none skipped, with the calls an app makes, in order", () => {
      assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
      assert.deepStrictEqual(
        r.passed,
        AWS_FLOW.map(([s]) => s),
      );
      assert.deepStrictEqual(r.skipped, []);
      assert.deepStrictEqual(
        r.fc.actions().slice(1),
        AWS_FLOW.flatMap(([, calls]) => calls),
        "DescribeUserPool first, then the flow",
      );
    });

    it("signs up with an SES mailbox-simulator address, never a real inbox", () => {
      assert.deepStrictEqual(
        r.fc.params("SignUp").map((p) => p.Username),
        [EMAIL, EMAIL],
      );
    });

    it("refreshes with the confirmed devices' keys, and the backend's SECRET_HASH over the internal username", () => {
      const devices = r.fc.params("ConfirmDevice").map((p) => String(p.DeviceKey));
      for (const p of r.fc.params("ConfirmDevice")) {
        const v = p.DeviceSecretVerifierConfig as { PasswordVerifier: string; Salt: string };
        const [verifier, salt] = [
          Buffer.from(v.PasswordVerifier, "base64").length,
          Buffer.from(v.Salt, "base64").length,
        ];
        assert.ok(
          verifier >= 380 && verifier <= 385 && (salt === 16 || salt === 17),
          `a 3072-bit SRP verifier and a 16-byte salt, got ${verifier} and ${salt} bytes`,
        );
      }
      const refreshes = r.fc
        .params("InitiateAuth")
        .filter((p) => p.AuthFlow === "REFRESH_TOKEN_AUTH")
        .map((p): Record<string, unknown> => ({ client: p.ClientId, ...(p.AuthParameters as Record<string, string>) }));
      const sub = r.fc.created.find((u) => u.email === EMAIL)?.sub ?? assert.fail("the fake never created the user");
      const hashFor = (u: string): string =>
        createHmac("sha256", "backend-secret").update(`${u}backend-id`).digest("base64");
      const [web, backend, webRevoked, backendRevoked] = refreshes;
      assert.deepStrictEqual(Object.keys(web).sort(), ["DEVICE_KEY", "REFRESH_TOKEN", "client"]);
      assert.strictEqual(web.DEVICE_KEY, devices[0]);
      assert.strictEqual(backend.client, "backend-id");
      assert.strictEqual(backend.DEVICE_KEY, devices[1]);
      assert.strictEqual(backend.SECRET_HASH, hashFor(sub), "over the internal username, not the email");
      assert.ok(
        refreshes.length === 4 &&
          webRevoked.DEVICE_KEY === devices[0] &&
          backendRevoked.SECRET_HASH === backend.SECRET_HASH,
      );
      assert.deepStrictEqual(
        r.fc.params("AdminForgetDevice").map((p) => p.DeviceKey),
        devices,
        "cleanup forgets both devices",
      );
    });
  });

  const failures: Array<[string, Faults, string, RegExp]> = [
    [
      "accepts any SRP proof",
      { acceptsAnySrpProof: true },
      "srp-wrong-password",
      /expected NotAuthorizedException, but the call succeeded/,
    ],
    [
      "lets a client use a flow it does not allow",
      { allowsEveryFlow: true },
      "password-flow-refused",
      /expected InvalidParameterException, but the call succeeded/,
    ],
    [
      "tells an unknown user by its error",
      { revealsUnknownUsers: true },
      "same-answer-for-unknown-user",
      /expected NotAuthorizedException, got UserNotFoundException/,
    ],
    [
      "tells an unknown user by its message",
      { unknownUserMessage: "User does not exist." },
      "same-answer-for-unknown-user",
      /unknown user is told apart.*"User does not exist\." vs "Incorrect username or password\."/,
    ],
    [
      "takes SRP without SECRET_HASH",
      { acceptsMissingSecretHash: true },
      "secret-hash-required",
      /but the call succeeded/,
    ],
    [
      "takes SRP with a wrong SECRET_HASH",
      { acceptsWrongSecretHash: true },
      "secret-hash-required",
      /but the call succeeded/,
    ],
    [
      "does not list the new user",
      { listsNoUsers: true },
      "admin-confirm",
      /does not find success\+login-check-run1-1@/,
    ],
  ];
  for (const [what, faults, step, why] of failures) {
    it(`fails step ${step} when AWS ${what}, and still cleans up`, async () => {
      const r = await runFlow(faults);
      assert.strictEqual(r.failure?.step, step, r.lines.join("\n"));
      assert.match(r.failure.detail, why);
      assertCleanedUp(r);
    });
  }

  it("on the emulator skips what moto cannot check, each with its reason, and wants exactly UserNotFoundException for an unknown user", async () => {
    const moto = await runFlow({ revealsUnknownUsers: true, noDeviceMetadata: true }, EMULATOR_CAPABILITIES);
    assert.strictEqual(moto.failure, undefined, moto.lines.join("\n"));
    assert.deepStrictEqual(moto.skipped, [
      `srp-wrong-password: ${SKIP.srpPassword}`,
      `password-flow-refused: ${SKIP.explicitFlows}`,
      `confirm-device: ${SESSION_SKIP.devices}`,
      `password-client-refresh: ${SESSION_SKIP.refreshHash}`,
      `same-answer-for-unknown-user: ${SKIP.userExistence}`,
      `revoked-access-token-message: ${SESSION_SKIP.accessMessage}`,
      `global-sign-out-other-client: ${SESSION_SKIP.otherClient}`,
    ]);
    assert.ok(moto.fc.params("SignUp").every((p) => p.Username === "login-check+run1-1@example.com"));

    const hiding = await runFlow({ noDeviceMetadata: true }, EMULATOR_CAPABILITIES);
    assert.strictEqual(hiding.failure?.step, "wrong-credentials");
    assert.match(
      hiding.failure.detail,
      new RegExp(`expected UserNotFoundException, got NotAuthorizedException: ${INCORRECT.replace(".", "\\.")}`),
    );
  });

  it("skips device confirmation with the reason when the pool does not track devices", async () => {
    const r = await runFlow({ noDeviceConfiguration: true, noDeviceMetadata: true });
    assert.strictEqual(r.failure, undefined, r.lines.join("\n"));
    assert.deepStrictEqual(r.skipped, [`confirm-device: ${SESSION_SKIP.noDeviceTracking}`]);
    assert.deepStrictEqual(r.fc.params("AdminForgetDevice"), []);
  });
});
