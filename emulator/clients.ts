/**
 * AWS SDK v3 clients pointed at the emulator: fixed fake credentials (moto does not check
 * signatures), region us-east-1, and every call bounded by connection and request timeouts.
 */

import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { SNSClient } from "@aws-sdk/client-sns";
import { WAFV2Client } from "@aws-sdk/client-wafv2";
import { EMULATOR_REGION } from "./moto-server";

// The project pins Node 20 on purpose; the SDK's notice about its future Node 22 floor is noise in
// every emulator and check run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const EMULATOR_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface EmulatorClientOptions {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Milliseconds before a request without an answer fails. @default 15000 */
  requestTimeoutMs?: number;
}

/** The SDK client settings for the emulator: its endpoint, fake credentials, no retries. */
export function emulatorClientConfig(o: EmulatorClientOptions) {
  return {
    region: EMULATOR_REGION,
    endpoint: o.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    // A dead emulator must fail the call at once, not after the SDK's retries.
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2000, requestTimeout: o.requestTimeoutMs ?? 15_000 },
  };
}

export interface EmulatorClients {
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
  iam: IAMClient;
  wafv2: WAFV2Client;
  logs: CloudWatchLogsClient;
  cloudwatch: CloudWatchClient;
  sns: SNSClient;
  kms: KMSClient;
}

export function emulatorClients(o: EmulatorClientOptions): EmulatorClients {
  return {
    idp: new CognitoIdentityProviderClient(emulatorClientConfig(o)),
    identity: new CognitoIdentityClient(emulatorClientConfig(o)),
    iam: new IAMClient(emulatorClientConfig(o)),
    wafv2: new WAFV2Client(emulatorClientConfig(o)),
    logs: new CloudWatchLogsClient(emulatorClientConfig(o)),
    cloudwatch: new CloudWatchClient(emulatorClientConfig(o)),
    sns: new SNSClient(emulatorClientConfig(o)),
    kms: new KMSClient(emulatorClientConfig(o)),
  };
}
