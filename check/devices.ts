/**
 * Device tracking, as an app with a device-tracking pool does it: a sign-in on a new device returns
 * `NewDeviceMetadata`; the app confirms that device (ConfirmDevice with an SRP verifier from
 * cognito-srp-helper) and from then on sends its `DEVICE_KEY` with every refresh. The check forgets
 * every device it confirmed when it cleans up.
 */
import {
  AdminForgetDeviceCommand,
  type AuthenticationResultType,
  ConfirmDeviceCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createDeviceVerifier } from "cognito-srp-helper";
import type { Target } from "./target";

export interface Device {
  key: string;
  groupKey: string;
}

/** The device a sign-in returned; throws when it returned none (the pool tracks devices). */
export function newDevice(tokens: AuthenticationResultType, what: string): Device {
  const m = tokens.NewDeviceMetadata;
  if (!m?.DeviceKey || !m.DeviceGroupKey)
    throw new Error(`${what}: the pool tracks devices, but the sign-in returned no NewDeviceMetadata`);
  return { key: m.DeviceKey, groupKey: m.DeviceGroupKey };
}

/** ConfirmDevice with a fresh verifier (the random device password is not kept: the check never signs in with the device). */
export async function confirmDevice(t: Target, accessToken: string, device: Device): Promise<void> {
  const { DeviceSecretVerifierConfig } = createDeviceVerifier(device.key, device.groupKey);
  await t.send((o) =>
    t.idp.send(
      new ConfirmDeviceCommand({
        AccessToken: accessToken,
        DeviceKey: device.key,
        DeviceSecretVerifierConfig,
        DeviceName: "login-check",
      }),
      o,
    ),
  );
}

/** Forgets every device; tries them all and throws the first failure. */
export async function forgetDevices(t: Target, username: string, devices: readonly Device[]): Promise<void> {
  let first: unknown;
  for (const d of devices) {
    try {
      await t.send((o) =>
        t.idp.send(
          new AdminForgetDeviceCommand({ UserPoolId: t.outputs.userPoolId, Username: username, DeviceKey: d.key }),
          o,
        ),
      );
    } catch (e) {
      first ??= e;
    }
  }
  if (first !== undefined) throw first;
}
