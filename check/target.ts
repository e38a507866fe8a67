/**
 * Where the login flow runs: the local emulator (a stack deployed into moto) or a real deployed
 * stack on AWS. Both give the same `send` (timeout on every call, throttling retried with backoff)
 * and say what they can honour, so a step the emulator cannot check prints why and is skipped
 * there while running in full against AWS.
 */
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { assertIsJwks, type Jwks } from "aws-jwt-verify/jwk";
import { EMULATOR_CREDENTIALS } from "../emulator/clients";
import type { StackOutputs } from "../outputs/stack-outputs";
import { errorName, withBackoff } from "./retry";

/** What a target enforces. Where false, the step that relies on it is skipped with `reason`. */
export interface Capabilities {
  /** Cognito verifies the SRP password proof; moto accepts any signature. */
  checksSrpPassword: boolean;
  /** Clients refuse auth flows missing from their explicitAuthFlows; moto allows every flow. */
  enforcesExplicitAuthFlows: boolean;
  /** With preventUserExistenceErrors, an unknown user looks like a wrong password; moto says UserNotFoundException. */
  hidesUserExistence: boolean;
  /** A TOTP code is accepted once; moto checks codes statelessly. */
  rejectsReusedTotp: boolean;
  /** Seed users may be signed in and reset (a fresh emulator), or must be left alone (a shared real stack). */
  mayUseSeedUsers: boolean;
  /** Pools with device tracking return NewDeviceMetadata and want DEVICE_KEY on refresh; moto has no device API. */
  tracksDevices: boolean;
  /** GlobalSignOut revokes every token of the user; moto revokes only tokens issued under the same username spelling. */
  revokesEveryClientsTokens: boolean;
  /** A confidential client's refresh SECRET_HASH uses the internal username; moto checks it against the name the sign-in used. */
  refreshHashUsesInternalUsername: boolean;
  /** A revoked access token is refused as "Access Token has been revoked"; moto answers "Invalid token". */
  namesRevokedAccessToken: boolean;
  /** Sign-ups send real email (so they go to SES mailbox-simulator addresses); the emulator sends none. */
  sendsEmail: boolean;
  /** Users of earlier runs may still be there (a real pool); a fresh emulator has none. */
  keepsEarlierRuns: boolean;
  /** Cognito invokes the pool's Lambda triggers; moto never does. */
  runsTriggers: boolean;
  /** The stack's HTTP API (output `api`) answers at its URL; the emulator deploys no API Gateway. */
  servesApi: boolean;
}

export const EMULATOR_CAPABILITIES: Capabilities = {
  checksSrpPassword: false,
  enforcesExplicitAuthFlows: false,
  hidesUserExistence: false,
  rejectsReusedTotp: false,
  mayUseSeedUsers: true,
  tracksDevices: false,
  revokesEveryClientsTokens: false,
  refreshHashUsesInternalUsername: false,
  namesRevokedAccessToken: false,
  sendsEmail: false,
  keepsEarlierRuns: false,
  runsTriggers: false,
  servesApi: false,
};

export const AWS_CAPABILITIES: Capabilities = {
  checksSrpPassword: true,
  enforcesExplicitAuthFlows: true,
  hidesUserExistence: true,
  rejectsReusedTotp: true,
  mayUseSeedUsers: false,
  tracksDevices: true,
  revokesEveryClientsTokens: true,
  refreshHashUsesInternalUsername: true,
  namesRevokedAccessToken: true,
  sendsEmail: true,
  keepsEarlierRuns: true,
  runsTriggers: true,
  servesApi: true,
};

/** Time as the TOTP device sees it; unit tests pass a virtual clock so waiting for a fresh window is instant. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Runs one SDK call with an abort signal that fires on timeout or when the target is gone. */
export type Send = <T>(call: (opts: { abortSignal: AbortSignal }) => Promise<T>) => Promise<T>;

export interface Target {
  kind: "emulator" | "aws";
  /** `emulator (stack dev)`, `aws (stack dev)` */
  label: string;
  outputs: StackOutputs;
  caps: Capabilities;
  idp: CognitoIdentityProviderClient;
  send: Send;
  /** Preloaded into every verifier (the emulator's JWKS is not at the AWS URL). */
  jwks?: Jwks;
  /** Aborted when the target cannot answer any more (the emulator process died). */
  gone?: AbortSignal;
  /** Throttling retries so far (reported after load runs). */
  retries: { count: number };
  /** @default the real clock */
  clock?: Clock;
}

export interface TargetOptions {
  /** Per-call bound. @default 15000 */
  callTimeoutMs?: number;
}

export function makeSend(callTimeoutMs: number, retries: { count: number }, gone?: AbortSignal): Send {
  return (call) =>
    withBackoff(
      async () => {
        if (gone?.aborted) throw gone.reason;
        const timeout = AbortSignal.timeout(callTimeoutMs);
        const signal = gone ? AbortSignal.any([timeout, gone]) : timeout;
        try {
          return await call({ abortSignal: signal });
        } catch (e) {
          if (gone?.aborted) throw gone.reason;
          if (timeout.aborted) throw new Error(`no answer within ${callTimeoutMs} ms`);
          if (errorName(e) === "AbortError") throw new Error(`call aborted: ${String(e)}`);
          throw e;
        }
      },
      {
        signal: gone,
        onRetry: () => {
          retries.count++;
        },
      },
    );
}

export async function emulatorTarget(
  endpoint: string,
  outputs: StackOutputs,
  gone: AbortSignal,
  o: TargetOptions = {},
): Promise<Target> {
  const ms = o.callTimeoutMs ?? 15_000;
  const idp = new CognitoIdentityProviderClient({
    region: outputs.region,
    endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2000, requestTimeout: ms },
  });
  const res = await fetch(`${endpoint}/${outputs.userPoolId}/.well-known/jwks.json`, {
    signal: AbortSignal.timeout(ms),
  });
  if (!res.ok) throw new Error(`emulator JWKS: HTTP ${res.status}`);
  const jwks = (await res.json()) as Parameters<typeof assertIsJwks>[0];
  assertIsJwks(jwks);
  const retries = { count: 0 };
  return {
    kind: "emulator",
    label: `emulator (stack ${outputs.stack})`,
    outputs,
    caps: EMULATOR_CAPABILITIES,
    idp,
    send: makeSend(ms, retries, gone),
    jwks,
    gone,
    retries,
  };
}

/** A real stack: credentials from the default AWS chain (env, profile, SSO ...), region from the outputs. */
export function awsTarget(outputs: StackOutputs, o: TargetOptions = {}): Target {
  const ms = o.callTimeoutMs ?? 15_000;
  const idp = new CognitoIdentityProviderClient({
    region: outputs.region,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 5000, requestTimeout: ms },
  });
  const retries = { count: 0 };
  return {
    kind: "aws",
    label: `aws (stack ${outputs.stack})`,
    outputs,
    caps: AWS_CAPABILITIES,
    idp,
    send: makeSend(ms, retries),
    retries,
  };
}
