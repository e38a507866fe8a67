/**
 * `cognito-config.json`: what an application needs to use the pool (the recipe's app config), built
 * from the stack outputs. It holds client secrets and seed passwords, so it is written owner-only
 * and is git-ignored.
 */
import * as fs from "node:fs";
import type { ClientOutput, StackOutputs } from "./stack-outputs";

/** What an app needs of a client. */
export type CognitoConfigClient = Pick<
  ClientOutput,
  "clientId" | "kind" | "clientSecret" | "explicitAuthFlows" | "callbackUrls" | "logoutUrls" | "loginUrl" | "logoutUrl"
>;

export interface CognitoConfigFile
  extends Pick<
    StackOutputs,
    | "region"
    | "userPoolId"
    | "userPoolArn"
    | "issuer"
    | "jwksUri"
    | "hostedUiBaseUrl"
    | "groups"
    | "seedUsers"
    | "identityPoolId"
  > {
  /** Where the values come from; `endpoint` is the emulator's, valid while it runs. */
  source: { stack: string; target: "emulator" | "aws"; endpoint?: string; generatedAt: string };
  /** Where to fetch signing keys: the emulator's route when local, else the pool's. */
  jwksUri: string;
  clients: Record<string, CognitoConfigClient>;
}

export function cognitoConfig(
  o: StackOutputs,
  target: "emulator" | "aws",
  endpoint?: string,
  now = new Date(),
): CognitoConfigFile {
  return {
    source: { stack: o.stack, target, endpoint, generatedAt: now.toISOString() },
    region: o.region,
    userPoolId: o.userPoolId,
    userPoolArn: o.userPoolArn,
    issuer: o.issuer,
    jwksUri: endpoint ? `${endpoint}/${o.userPoolId}/.well-known/jwks.json` : o.jwksUri,
    hostedUiBaseUrl: o.hostedUiBaseUrl,
    clients: Object.fromEntries(
      Object.entries(o.clients).map(([key, c]) => [
        key,
        {
          clientId: c.clientId,
          kind: c.kind,
          clientSecret: c.clientSecret,
          explicitAuthFlows: c.explicitAuthFlows,
          callbackUrls: c.callbackUrls,
          logoutUrls: c.logoutUrls,
          loginUrl: c.loginUrl,
          logoutUrl: c.logoutUrl,
        },
      ]),
    ),
    groups: o.groups,
    seedUsers: o.seedUsers,
    identityPoolId: o.identityPoolId,
  };
}

/** Writes the file readable by its owner only (it holds secrets). */
export function writeCognitoConfig(file: string, config: CognitoConfigFile): void {
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}
