/**
 * The sign-in calls an app makes: USER_SRP_AUTH through a real SRP client (cognito-srp-helper),
 * USER_PASSWORD_AUTH, refresh, and challenge answers, each with SECRET_HASH when the client has a
 * secret.
 */

import { createHmac } from "node:crypto";
import {
  type AuthenticationResultType,
  type ChallengeNameType,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import { wrapAuthChallenge, wrapInitiateAuth } from "cognito-srp-helper";
import type { ClientOutput } from "../outputs/stack-outputs";
import { createSrpSession, signSrpSession } from "./srp";
import type { Target } from "./target";

/**
 * A client as the check uses it: its plain output, its key, and (confidential clients only) its
 * secret, read from the secret output `clientSecrets` (subjects.ts `appClients`).
 */
export type AppClient = ClientOutput & { key: string; clientSecret?: string };

/** Base64(HMAC-SHA256(clientSecret, username + clientId)); undefined for public clients. */
export function secretHash(client: { clientId: string; clientSecret?: string }, username: string): string | undefined {
  if (!client.clientSecret) return undefined;
  return createHmac("sha256", client.clientSecret)
    .update(username + client.clientId)
    .digest("base64");
}

/** `{ SECRET_HASH }` for confidential clients, `{}` for public ones. */
export function withSecretHash(client: AppClient, username: string): Record<string, string> {
  const hash = secretHash(client, username);
  return hash ? { SECRET_HASH: hash } : {};
}

export const allows = (client: ClientOutput, flow: string): boolean => client.explicitAuthFlows.includes(flow);

/** A response that is either tokens or the next challenge. */
export interface AuthStep {
  tokens?: AuthenticationResultType;
  challenge?: string;
  session?: string;
  params: Record<string, string>;
  /** The username Cognito wants in further challenge answers. */
  username: string;
}

function step(
  res: {
    AuthenticationResult?: AuthenticationResultType;
    ChallengeName?: string;
    Session?: string;
    ChallengeParameters?: Record<string, string>;
  },
  username: string,
): AuthStep {
  const params = res.ChallengeParameters ?? {};
  return {
    tokens: res.AuthenticationResult,
    challenge: res.ChallengeName,
    session: res.Session,
    params,
    username: params.USER_ID_FOR_SRP ?? params.USERNAME ?? username,
  };
}

/**
 * USER_SRP_AUTH: InitiateAuth with SRP_A, then PASSWORD_VERIFIER with the computed proof. With
 * `CUSTOM_AUTH` the same SRP exchange opens the custom challenge flow (`CHALLENGE_NAME: SRP_A`).
 */
export async function srpSignIn(
  t: Target,
  client: AppClient,
  username: string,
  password: string,
  flow: "USER_SRP_AUTH" | "CUSTOM_AUTH" = "USER_SRP_AUTH",
): Promise<AuthStep> {
  const srp = createSrpSession(username, password, t.outputs.userPoolId, false);
  const init = await t.send((o) =>
    t.idp.send(
      new InitiateAuthCommand(
        wrapInitiateAuth(srp, {
          ClientId: client.clientId,
          AuthFlow: flow,
          AuthParameters: {
            USERNAME: username,
            ...(flow === "CUSTOM_AUTH" ? { CHALLENGE_NAME: "SRP_A" } : {}),
            ...withSecretHash(client, username),
          },
        }),
      ),
      o,
    ),
  );
  if (init.ChallengeName !== "PASSWORD_VERIFIER")
    throw new Error(`${flow}: expected PASSWORD_VERIFIER, got ${init.ChallengeName ?? "tokens"}`);
  const signed = signSrpSession(srp, init);
  const srpUser = init.ChallengeParameters?.USERNAME ?? username;
  const res: RespondToAuthChallengeCommandOutput = await t.send((o) =>
    t.idp.send(
      new RespondToAuthChallengeCommand(
        wrapAuthChallenge(signed, {
          ClientId: client.clientId,
          ChallengeName: "PASSWORD_VERIFIER",
          Session: init.Session,
          ChallengeResponses: { USERNAME: srpUser, ...withSecretHash(client, srpUser) },
        }),
      ),
      o,
    ),
  );
  return step(res, srpUser);
}

export async function passwordSignIn(
  t: Target,
  client: AppClient,
  username: string,
  password: string,
): Promise<AuthStep> {
  const res = await t.send((o) =>
    t.idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: password, ...withSecretHash(client, username) },
      }),
      o,
    ),
  );
  return step(res, username);
}

/** Answers one challenge; `answers` are the challenge-specific responses (USERNAME and SECRET_HASH are added). */
export async function answer(
  t: Target,
  client: AppClient,
  prev: AuthStep,
  challenge: ChallengeNameType,
  answers: Record<string, string>,
  session = prev.session,
): Promise<AuthStep> {
  const res = await t.send((o) =>
    t.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: client.clientId,
        ChallengeName: challenge,
        Session: session,
        ChallengeResponses: { USERNAME: prev.username, ...withSecretHash(client, prev.username), ...answers },
      }),
      o,
    ),
  );
  return step(res, prev.username);
}

export interface RefreshOptions {
  /**
   * For a confidential client: the username SECRET_HASH is computed with. Cognito wants the internal
   * username here (the access token's `username` claim), not the email the user signed in with.
   */
  hashUsername?: string;
  /** The confirmed device's key; a pool with device tracking refuses a refresh without it. */
  deviceKey?: string;
}

export async function refresh(
  t: Target,
  client: AppClient,
  refreshToken: string,
  o: RefreshOptions = {},
): Promise<AuthenticationResultType> {
  if (client.clientSecret && !o.hashUsername)
    throw new Error(`refreshing with confidential client ${client.key} needs the internal username for SECRET_HASH`);
  const res = await t.send((opts) =>
    t.idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: {
          REFRESH_TOKEN: refreshToken,
          ...(o.hashUsername ? withSecretHash(client, o.hashUsername) : {}),
          ...(o.deviceKey ? { DEVICE_KEY: o.deviceKey } : {}),
        },
      }),
      opts,
    ),
  );
  if (!res.AuthenticationResult?.IdToken || !res.AuthenticationResult.AccessToken)
    throw new Error(`REFRESH_TOKEN_AUTH returned no tokens (challenge ${res.ChallengeName ?? "none"})`);
  return res.AuthenticationResult;
}

/** Throws unless the step is the expected challenge. */
export function expectChallenge(s: AuthStep, name: string): void {
  if (s.challenge !== name) throw new Error(`expected challenge ${name}, got ${s.challenge ?? "tokens"}`);
}

/** Throws unless the step issued ID, access and refresh tokens. */
export function expectTokens(
  s: AuthStep,
  what: string,
): Required<Pick<AuthenticationResultType, "IdToken" | "AccessToken">> & AuthenticationResultType {
  const t = s.tokens;
  if (!t?.IdToken || !t.AccessToken)
    throw new Error(`${what}: expected tokens, got challenge ${s.challenge ?? "none"}`);
  return { ...t, IdToken: t.IdToken, AccessToken: t.AccessToken };
}

/** Runs the call and returns the error it must throw; fails when it succeeds or throws another error. */
export async function expectError(call: () => Promise<unknown>, names: string | string[]): Promise<Error> {
  const want = Array.isArray(names) ? names : [names];
  try {
    await call();
  } catch (e) {
    const name = e instanceof Error ? e.name : String(e);
    if (want.includes(name) && e instanceof Error) return e;
    throw new Error(`expected ${want.join(" or ")}, got ${name}: ${e instanceof Error ? e.message : ""}`);
  }
  throw new Error(`expected ${want.join(" or ")}, but the call succeeded`);
}
