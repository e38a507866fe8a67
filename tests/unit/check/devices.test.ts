import * as assert from "node:assert";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { confirmDevice, forgetDevices, newDevice } from "../../../check/devices";
import { AWS_CAPABILITIES, makeSend, type Target } from "../../../check/target";
import { EMULATOR_CREDENTIALS } from "../../../emulator/clients";
import type { StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeAws, startFakeAws } from "../emulator/fake-aws";

describe("check/devices", () => {
  let fake: FakeAws;
  before(async () => {
    fake = await startFakeAws({
      ConfirmDevice: { UserConfirmationNecessary: true },
      AdminForgetDevice: (p) =>
        p.DeviceKey === "k-gone" ? { __type: "ResourceNotFoundException", message: "Device does not exist." } : {},
    });
  });
  after(() => fake.close());
  beforeEach(() => fake.calls.splice(0));

  const target = (): Target => ({
    kind: "aws",
    label: "t",
    caps: AWS_CAPABILITIES,
    retries: { count: 0 },
    send: makeSend(2000, { count: 0 }),
    outputs: { userPoolId: "us-east-1_x", region: "us-east-1" } as StackOutputs,
    idp: new CognitoIdentityProviderClient({
      region: "us-east-1",
      endpoint: fake.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    }),
  });

  it("reads the new device from a sign-in, and fails when there is none", () => {
    assert.deepStrictEqual(newDevice({ NewDeviceMetadata: { DeviceKey: "us-east-1_k", DeviceGroupKey: "-g" } }, "x"), {
      key: "us-east-1_k",
      groupKey: "-g",
    });
    assert.throws(
      () => newDevice({ AccessToken: "a" }, "mfa-sign-in"),
      /mfa-sign-in: the pool tracks devices, but the sign-in returned no NewDeviceMetadata/,
    );
    assert.throws(() => newDevice({ NewDeviceMetadata: { DeviceKey: "k" } }, "x"), /no NewDeviceMetadata/);
  });

  it("confirms a device with a fresh SRP verifier for its key and group", async () => {
    await confirmDevice(target(), "access-1", { key: "us-east-1_k", groupKey: "-g" });
    await confirmDevice(target(), "access-1", { key: "us-east-1_k", groupKey: "-g" });
    const [a, b] = fake.calls.map((c) => c.params);
    assert.deepStrictEqual([a.AccessToken, a.DeviceKey, a.DeviceName], ["access-1", "us-east-1_k", "login-check"]);
    const va = a.DeviceSecretVerifierConfig as { PasswordVerifier: string; Salt: string };
    const vb = b.DeviceSecretVerifierConfig as { PasswordVerifier: string; Salt: string };
    assert.ok(Buffer.from(va.PasswordVerifier, "base64").length >= 380 && va.Salt.length > 0);
    assert.notStrictEqual(va.PasswordVerifier, vb.PasswordVerifier, "a new random device password each time");
  });

  it("forgets every device, also after one fails, then reports the failure", async () => {
    await assert.rejects(
      forgetDevices(target(), "u@example.com", [
        { key: "k1", groupKey: "g" },
        { key: "k-gone", groupKey: "g" },
        { key: "k3", groupKey: "g" },
      ]),
      /Device does not exist/,
    );
    assert.deepStrictEqual(
      fake.calls.map((c) => [c.action, c.params.UserPoolId, c.params.Username, c.params.DeviceKey]),
      [
        ["AdminForgetDevice", "us-east-1_x", "u@example.com", "k1"],
        ["AdminForgetDevice", "us-east-1_x", "u@example.com", "k-gone"],
        ["AdminForgetDevice", "us-east-1_x", "u@example.com", "k3"],
      ],
    );
    await forgetDevices(target(), "u@example.com", []);
    assert.strictEqual(fake.calls.length, 3);
  });
});
