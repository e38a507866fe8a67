/**
 * `cognito-config.json`: what an application needs to use the pool (the recipe's app config), built
 * from the stack outputs. Unlike the outputs it puts each secret next to what it belongs to (a
 * client's secret in the client, a seed user's password in the user), so it is written owner-only
 * and is git-ignored.
 */
import * as fs from "node:fs";
import type { ClientOutput, SeedUserOutput, StackOutputs } from "./stack-outputs";

/** What an app needs of a client: its plain output and, for a confidential client, its secret (from `clientSecrets`). */
export type CognitoConfigClient = Pick<
  ClientOutput,
  "clientId" | "kind" | "explicitAuthFlows" | "callbackUrls" | "logoutUrls" | "loginUrl" | "logoutUrl"
> & { clientSecret?: string };

/** A seed user with its temporary password (from `seedUserPasswords`). */
export type CognitoConfigSeedUser = SeedUserOutput & { temporaryPassword: string };

export interface CognitoConfigFile
  extends Pick<
    StackOutputs,
    "region" | "userPoolId" | "userPoolArn" | "issuer" | "jwksUri" | "hostedUiBaseUrl" | "groups" | "identityPoolId"
  > {
  /** Where the values come from; `endpoint` is the emulator's, valid while it runs. */
  source: { stack: string; target: "emulator" | "aws"; endpoint?: string; generatedAt: string };
  /** Where to fetch signing keys: the emulator's route when local, else the pool's. */
  jwksUri: string;
  clients: Record<string, CognitoConfigClient>;
  seedUsers: Record<string, CognitoConfigSeedUser>;
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
          clientSecret: Object.hasOwn(o.clientSecrets, key) ? o.clientSecrets[key] : undefined,
          explicitAuthFlows: c.explicitAuthFlows,
          callbackUrls: c.callbackUrls,
          logoutUrls: c.logoutUrls,
          loginUrl: c.loginUrl,
          logoutUrl: c.logoutUrl,
        },
      ]),
    ),
    groups: o.groups,
    seedUsers: Object.fromEntries(
      Object.entries(o.seedUsers).map(([username, u]) => [
        username,
        { ...u, temporaryPassword: o.seedUserPasswords[username] },
      ]),
    ),
    identityPoolId: o.identityPoolId,
  };
}

/** Writes the file readable by its owner only (it holds secrets). */
export function writeCognitoConfig(file: string, config: CognitoConfigFile): void {
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}
