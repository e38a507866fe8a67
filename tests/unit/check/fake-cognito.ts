/**
 * A small stateful Cognito behind the fake AWS endpoint (tests/unit/emulator/fake-aws.ts), answering
 * the way AWS does where moto does not: it checks SRP proofs (fake-srp.ts), refuses flows a client
 * does not allow, hides unknown users, single-use TOTP codes, device tracking (NewDeviceMetadata,
 * ConfirmDevice, DEVICE_KEY on refresh), refresh SECRET_HASH over the internal username, and a
 * GlobalSignOut that revokes every client's tokens with Cognito's messages. Each `Faults` flag makes
 * one answer wrong, so a test can show the step that relies on it fails. Calls it does not know get
 * an error, so an unexpected call fails the test.
 */

import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { Jwks } from "aws-jwt-verify/jwk";
import { AWS_CAPABILITIES, type Capabilities, type Clock, makeSend, type Target } from "../../../check/target";
import { TotpDevice } from "../../../check/totp";
import { EMULATOR_CREDENTIALS } from "../../../emulator/clients";
import type { ClientOutput, StackOutputs } from "../../../outputs/stack-outputs";
import { type FakeAws, startFakeAws } from "../emulator/fake-aws";
import { type SrpChallenge, srpChallenge, srpProofValid } from "./fake-srp";

export const POOL_ID = "us-east-1_TestPool1";
export const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;
export const TOTP_SECRET = "JBSWY3DPEHPK3PXP";
export const INCORRECT = "Incorrect username or password.";

/** One wrong answer each. */
export interface Faults {
  acceptsAnySrpProof?: boolean;
  allowsEveryFlow?: boolean;
  revealsUnknownUsers?: boolean;
  unknownUserMessage?: string;
  acceptsMissingSecretHash?: boolean;
  acceptsWrongSecretHash?: boolean;
  listsNoUsers?: boolean;
  noDeviceMetadata?: boolean;
  /** Confirms this many devices, then refuses. */
  refusesDeviceConfirmationAfter?: number;
  refreshHashWithEmail?: boolean;
  revokedRefreshMessage?: string;
  revokedAccessMessage?: string;
  signOutKeepsAccessTokens?: boolean;
  signOutKeepsOtherClients?: boolean;
  restoreLeavesConfirmed?: boolean;
  noDeviceConfiguration?: boolean;
  /** The post-confirmation function does not run (or adds no group). */
  noPostConfirmation?: boolean;
  /** CUSTOM_AUTH hands out tokens after the password, without the code. */
  customAuthSkipsCode?: boolean;
  /** CUSTOM_CHALLENGE takes any answer. */
  acceptsAnyCode?: boolean;
}

interface User {
  sub: string;
  email: string;
  password: string;
  status: "UNCONFIRMED" | "CONFIRMED" | "FORCE_CHANGE_PASSWORD";
  groups: string[];
  attrs: Record<string, string>;
  totpVerified: boolean;
  mfaPreferred: boolean;
  usedWindows: Set<number>;
  created: Date;
  devices: Map<string, { confirmed: boolean }>;
}

interface Session {
  sub: string;
  clientId: string;
  srp?: SrpChallenge;
  srpA?: string;
  /** CUSTOM_AUTH: the one-time code the create-auth-challenge function sent. */
  code?: string;
  custom?: boolean;
}
interface Issued {
  sub: string;
  clientId: string;
  revoked: boolean;
  deviceKey?: string;
}
type Answer = Record<string, unknown>;

/** A client as the fake knows it: its output with its secret (from `clientSecrets`) beside it. */
type FakeClient = ClientOutput & { clientSecret?: string };

export const client = (key: string, o: Partial<ClientOutput>): ClientOutput => ({
  clientId: `${key}-id`,
  kind: "web",
  generateSecret: false,
  explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  allowedOauthFlows: ["code"],
  allowedOauthScopes: ["openid"],
  callbackUrls: [],
  logoutUrls: [],
  preventUserExistenceErrors: "ENABLED",
  readAttributes: [],
  ...o,
});

/** The dev recipe's user clients: a public SRP web client and a confidential backend that also takes passwords. */
export function fakeOutputs(extra: Partial<StackOutputs> = {}): StackOutputs {
  return {
    stack: "dev",
    environment: "dev",
    region: "us-east-1",
    userPoolId: POOL_ID,
    userPoolArn: `arn:aws:cognito-idp:us-east-1:1:userpool/${POOL_ID}`,
    issuer: ISSUER,
    jwksUri: `${ISSUER}/.well-known/jwks.json`,
    mfaConfiguration: "OPTIONAL",
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
    },
    customAttributes: ["last_login", "customer_tier"],
    groups: ["Administrators", "Customers"],
    clients: {
      web: client("web", {}),
      backend: client("backend", {
        kind: "server",
        generateSecret: true,
        explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    },
    clientSecrets: { backend: "backend-secret" },
    seedUsers: {},
    seedUserPasswords: {},
    samlServiceProvider: { entityId: `urn:amazon:cognito:sp:${POOL_ID}` },
    resourceServers: {},
    appConfig: { version: "1.4" },
    ...extra,
  };
}

const err = (type: string, message: string): Answer => ({ __type: type, message });
const hmac = (secret: string, username: string, clientId: string): string =>
  createHmac("sha256", secret)
    .update(username + clientId)
    .digest("base64");

export interface FakeCognito {
  fake: FakeAws;
  target: Target;
  users: Map<string, User>;
  /** Every user ever created, deleted ones too. */
  created: User[];
  /** Actions in call order. */
  actions(): string[];
  /** Parameters of every call of that action. */
  params(action: string): Array<Record<string, unknown>>;
  addUser(email: string, o?: Partial<Pick<User, "password" | "status" | "created" | "groups">>): User;
  close(): Promise<void>;
}

/**
 * Writes a secondary replica refuses with OperationNotEnabledException (API reference: "operations
 * that are not supported in secondary replica regions"); sign-in still works there.
 */
const SECONDARY_REFUSES = ["SignUp", "ForgotPassword", "ConfirmForgotPassword", "AdminCreateUser", "AdminDeleteUser"];

export async function startFakeCognito(
  o: {
    faults?: Faults;
    caps?: Capabilities;
    outputs?: StackOutputs;
    /** A secondary replica of this fake: the same users (replicated), and the writes above refused. */
    secondaryOf?: FakeCognito;
    /** A broken replica that takes the writes anyway, so a test shows the check catches it. */
    secondaryAcceptsWrites?: boolean;
  } = {},
): Promise<FakeCognito> {
  const f = o.faults ?? {};
  // Like the target it stands for: AWS takes each TOTP code once, moto any number of times.
  const caps = o.caps ?? AWS_CAPABILITIES;
  const outputs = o.outputs ?? fakeOutputs();
  const clients = new Map<string, FakeClient>(
    Object.entries(outputs.clients).map(([key, c]) => [c.clientId, { ...c, clientSecret: outputs.clientSecrets[key] }]),
  );
  const users = o.secondaryOf?.users ?? new Map<string, User>();
  const created: User[] = [];
  const sessions = new Map<string, Session>();
  const refreshTokens = new Map<string, Issued>();
  const accessTokens = new Map<string, Issued>();
  let now = Date.now();
  let confirmations = 0;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwks = { keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }] } as Jwks;

  const find = (name: unknown): User | undefined =>
    [...users.values()].find((u) => u.sub === name || u.email === String(name).toLowerCase());
  const addUser: FakeCognito["addUser"] = (email, u = {}) => {
    const user: User = {
      sub: randomUUID(),
      email,
      password: u.password ?? "",
      status: u.status ?? "CONFIRMED",
      groups: u.groups ?? [],
      attrs: {},
      totpVerified: false,
      mfaPreferred: false,
      usedWindows: new Set(),
      created: u.created ?? new Date(),
      devices: new Map(),
    };
    users.set(user.sub, user);
    created.push(user);
    return user;
  };
  const jwt = (payload: Record<string, unknown>): string => {
    const b64 = (x: object): string => Buffer.from(JSON.stringify(x)).toString("base64url");
    const head = `${b64({ alg: "RS256", kid: "k1" })}.${b64(payload)}`;
    return `${head}.${sign("sha256", Buffer.from(head), privateKey).toString("base64url")}`;
  };
  const tokens = (u: User, c: FakeClient, refresh: boolean): Answer => {
    const iat = Math.floor(Date.now() / 1000);
    const base = {
      iss: ISSUER,
      sub: u.sub,
      iat,
      exp: iat + 3600,
      jti: randomUUID(),
      ...(u.groups.length ? { "cognito:groups": u.groups } : {}),
    };
    const access = jwt({
      ...base,
      client_id: c.clientId,
      token_use: "access",
      username: u.sub,
      scope: "aws.cognito.signin.user.admin",
    });
    const id = jwt({
      ...base,
      aud: c.clientId,
      token_use: "id",
      email: u.email,
      "cognito:username": u.sub,
      ...u.attrs,
    });
    accessTokens.set(access, { sub: u.sub, clientId: c.clientId, revoked: false });
    const out: Answer = { IdToken: id, AccessToken: access, ExpiresIn: 3600, TokenType: "Bearer" };
    if (!refresh) return out;
    const deviceKey = f.noDeviceMetadata ? undefined : `us-east-1_${randomUUID()}`;
    if (deviceKey) u.devices.set(deviceKey, { confirmed: false });
    const rt = randomBytes(24).toString("base64url");
    refreshTokens.set(rt, { sub: u.sub, clientId: c.clientId, revoked: false, deviceKey });
    return {
      ...out,
      RefreshToken: rt,
      ...(deviceKey
        ? { NewDeviceMetadata: { DeviceKey: deviceKey, DeviceGroupKey: `-${randomBytes(6).toString("hex")}` } }
        : {}),
    };
  };
  const session = (s: Session): string => {
    const id = randomBytes(16).toString("hex");
    sessions.set(id, s);
    return id;
  };
  const afterPassword = (u: User, c: FakeClient): Answer =>
    u.mfaPreferred
      ? {
          ChallengeName: "SOFTWARE_TOKEN_MFA",
          Session: session({ sub: u.sub, clientId: c.clientId }),
          ChallengeParameters: {},
        }
      : { ChallengeParameters: {}, AuthenticationResult: tokens(u, c, true) };
  const hashProblem = (c: FakeClient, username: unknown, hash: unknown): Answer | undefined => {
    if (!c.clientSecret) return undefined;
    if (!hash)
      return f.acceptsMissingSecretHash
        ? undefined
        : err(
            "NotAuthorizedException",
            `Client ${c.clientId} is configured with secret but SECRET_HASH was not received`,
          );
    if (hash !== hmac(c.clientSecret, String(username), c.clientId) && !f.acceptsWrongSecretHash)
      return err("NotAuthorizedException", `Unable to verify secret hash for client ${c.clientId}`);
    return undefined;
  };
  const codeOk = (u: User, code: unknown): boolean => {
    const window = Math.floor(now / 30_000);
    if (
      code !== new TotpDevice(TOTP_SECRET, { rejectsReuse: false }).codeAt(now) ||
      (caps.rejectsReusedTotp && u.usedWindows.has(window))
    )
      return false;
    u.usedWindows.add(window);
    return true;
  };
  const byAccess = (token: unknown): User | Answer => {
    const t = accessTokens.get(String(token));
    if (!t) return err("NotAuthorizedException", "Invalid Access Token");
    if (t.revoked) return err("NotAuthorizedException", f.revokedAccessMessage ?? "Access Token has been revoked");
    return users.get(t.sub) ?? err("UserNotFoundException", "User does not exist.");
  };
  const isUser = (x: User | Answer): x is User => typeof (x as User).sub === "string" && !("__type" in x);
  const userAttrs = (u: User) => [
    { Name: "sub", Value: u.sub },
    { Name: "email", Value: u.email },
    ...Object.entries(u.attrs).map(([Name, Value]) => ({ Name, Value })),
  ];

  type P = Record<string, unknown>;
  const strings = (p: P, key: string): Record<string, string> => (p[key] ?? {}) as Record<string, string>;
  const answers: Record<string, (p: P) => Answer> = {
    DescribeUserPool: () => ({
      UserPool: {
        Id: POOL_ID,
        SchemaAttributes: [
          { Name: "email", AttributeDataType: "String" },
          { Name: "custom:last_login", AttributeDataType: "DateTime", DeveloperOnlyAttribute: false },
          {
            Name: "custom:customer_tier",
            AttributeDataType: "String",
            DeveloperOnlyAttribute: false,
            StringAttributeConstraints: { MinLength: "1", MaxLength: "32" },
          },
        ],
        ...(f.noDeviceConfiguration
          ? {}
          : { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true } }),
      },
    }),
    SignUp: (p) => {
      const c = clients.get(String(p.ClientId));
      if (!c) return err("ResourceNotFoundException", "User pool client does not exist.");
      const bad = hashProblem(c, p.Username, p.SecretHash);
      if (bad) return bad;
      if (String(p.Password).length < outputs.passwordPolicy.minimumLength)
        return err("InvalidPasswordException", "Password did not conform with policy: Password not long enough");
      if (find(p.Username)) return err("UsernameExistsException", "An account with the given email already exists.");
      const u = addUser(String(p.Username), { password: String(p.Password), status: "UNCONFIRMED" });
      return { UserSub: u.sub, UserConfirmed: false };
    },
    AdminCreateUser: (p) => ({
      User: {
        Username: addUser(String(p.Username), {
          password: String(p.TemporaryPassword),
          status: "FORCE_CHANGE_PASSWORD",
        }).sub,
      },
    }),
    AdminConfirmSignUp: (p) => {
      const u = find(p.Username);
      if (!u) return err("UserNotFoundException", "User does not exist.");
      u.status = "CONFIRMED";
      // Like Cognito invoking functions/post-confirmation.ts (moto never does: caps.runsTriggers).
      const byDomain = outputs.triggerFunctions?.groupsByDomain;
      if (caps.runsTriggers && byDomain && !f.noPostConfirmation) {
        const domain = u.email.slice(u.email.lastIndexOf("@") + 1);
        const g = byDomain[domain] ?? byDomain["*"];
        if (g) u.groups.push(g);
      }
      return {};
    },
    AdminAddUserToGroup: (p) => {
      find(p.Username)?.groups.push(String(p.GroupName));
      return {};
    },
    AdminUpdateUserAttributes: (p) => {
      const u = find(p.Username);
      for (const a of (p.UserAttributes ?? []) as Array<{ Name: string; Value: string }>)
        if (u) u.attrs[a.Name] = a.Value;
      return {};
    },
    AdminGetUser: (p) => {
      const u = find(p.Username);
      return u
        ? { Username: u.sub, UserStatus: u.status, Enabled: true, UserAttributes: userAttrs(u) }
        : err("UserNotFoundException", "User does not exist.");
    },
    AdminListGroupsForUser: (p) => ({ Groups: (find(p.Username)?.groups ?? []).map((GroupName) => ({ GroupName })) }),
    AdminSetUserPassword: (p) => {
      const u = find(p.Username);
      if (!u) return err("UserNotFoundException", "User does not exist.");
      u.password = String(p.Password);
      u.status = p.Permanent || f.restoreLeavesConfirmed ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
      return {};
    },
    ListUsers: (p) => {
      const prefix = /^email \^= "(.*)"$/.exec(String(p.Filter))?.[1];
      if (prefix === undefined) return err("InvalidParameterException", `unexpected filter ${String(p.Filter)}`);
      const found = f.listsNoUsers ? [] : [...users.values()].filter((u) => u.email.startsWith(prefix));
      return {
        Users: found.map((u) => ({
          Username: u.sub,
          UserStatus: u.status,
          UserCreateDate: u.created.getTime() / 1000,
          Attributes: userAttrs(u),
        })),
      };
    },
    AdminDeleteUser: (p) => {
      const u = find(p.Username);
      if (!u) return err("UserNotFoundException", "User does not exist.");
      users.delete(u.sub);
      return {};
    },
    AdminForgetDevice: (p) => {
      const u = find(p.Username);
      return u?.devices.delete(String(p.DeviceKey)) ? {} : err("ResourceNotFoundException", "Device does not exist.");
    },
    InitiateAuth: (p) => {
      const c = clients.get(String(p.ClientId));
      if (!c) return err("ResourceNotFoundException", "User pool client does not exist.");
      const a = strings(p, "AuthParameters");
      const flow = String(p.AuthFlow);
      if (flow !== "REFRESH_TOKEN_AUTH" && !c.explicitAuthFlows.includes(`ALLOW_${flow}`) && !f.allowsEveryFlow)
        return err("InvalidParameterException", `${flow} flow not enabled for this client`);
      if (flow === "REFRESH_TOKEN_AUTH") {
        const t = refreshTokens.get(a.REFRESH_TOKEN);
        if (!t || t.clientId !== c.clientId) return err("NotAuthorizedException", "Invalid Refresh Token");
        const u = users.get(t.sub);
        if (!u) return err("NotAuthorizedException", "Invalid Refresh Token");
        const bad = hashProblem(c, f.refreshHashWithEmail ? u.email : u.sub, a.SECRET_HASH);
        if (bad) return bad;
        if (t.revoked)
          return err("NotAuthorizedException", f.revokedRefreshMessage ?? "Refresh Token has been revoked");
        if (t.deviceKey && (a.DEVICE_KEY !== t.deviceKey || !u.devices.get(t.deviceKey)?.confirmed))
          return err("NotAuthorizedException", "Invalid Refresh Token");
        return { ChallengeParameters: {}, AuthenticationResult: tokens(u, c, false) };
      }
      const bad = hashProblem(c, a.USERNAME, a.SECRET_HASH);
      if (bad) return bad;
      const u = find(a.USERNAME);
      if (!u)
        return c.preventUserExistenceErrors === "ENABLED" && !f.revealsUnknownUsers
          ? err("NotAuthorizedException", f.unknownUserMessage ?? INCORRECT)
          : err("UserNotFoundException", "User does not exist.");
      if (u.status === "UNCONFIRMED") return err("UserNotConfirmedException", "User is not confirmed.");
      if (flow === "USER_PASSWORD_AUTH")
        return u.password === a.PASSWORD ? afterPassword(u, c) : err("NotAuthorizedException", INCORRECT);
      const custom = flow === "CUSTOM_AUTH" && a.CHALLENGE_NAME === "SRP_A" && caps.runsTriggers;
      if (flow !== "USER_SRP_AUTH" && !custom) return err("InvalidParameterException", `fake: no ${flow}`);
      const srp = srpChallenge(POOL_ID, u.sub, u.password);
      sessions.set(srp.secretBlock, { sub: u.sub, clientId: c.clientId, srp, srpA: a.SRP_A, custom });
      return {
        ChallengeName: "PASSWORD_VERIFIER",
        ChallengeParameters: {
          SALT: srp.salt,
          SRP_B: srp.srpB,
          SECRET_BLOCK: srp.secretBlock,
          USER_ID_FOR_SRP: u.sub,
          USERNAME: u.sub,
        },
      };
    },
    RespondToAuthChallenge: (p) => {
      const c = clients.get(String(p.ClientId));
      const r = strings(p, "ChallengeResponses");
      const s = sessions.get(
        p.ChallengeName === "PASSWORD_VERIFIER" ? r.PASSWORD_CLAIM_SECRET_BLOCK : String(p.Session),
      );
      const u = s && users.get(s.sub);
      if (!c || !s || !u || s.clientId !== c.clientId)
        return err("NotAuthorizedException", "Invalid session for the user.");
      const bad = hashProblem(c, r.USERNAME, r.SECRET_HASH);
      if (bad) return bad;
      if (p.ChallengeName === "PASSWORD_VERIFIER") {
        if (
          !s.srp ||
          !s.srpA ||
          !(f.acceptsAnySrpProof || srpProofValid(POOL_ID, s.srp, s.srpA, r.TIMESTAMP, r.PASSWORD_CLAIM_SIGNATURE))
        )
          return err("NotAuthorizedException", INCORRECT);
        sessions.delete(r.PASSWORD_CLAIM_SECRET_BLOCK);
        if (s.custom && !f.customAuthSkipsCode)
          return {
            ChallengeName: "CUSTOM_CHALLENGE",
            Session: session({ sub: u.sub, clientId: c.clientId, custom: true, code: "123456" }),
            ChallengeParameters: {
              USERNAME: u.sub,
              email: `${u.email[0]}***${u.email.slice(u.email.lastIndexOf("@"))}`,
            },
          };
        if (u.status === "FORCE_CHANGE_PASSWORD")
          return {
            ChallengeName: "NEW_PASSWORD_REQUIRED",
            Session: session(s),
            ChallengeParameters: { USER_ID_FOR_SRP: u.sub },
          };
        return afterPassword(u, c);
      }
      sessions.delete(String(p.Session));
      if (p.ChallengeName === "NEW_PASSWORD_REQUIRED") {
        u.password = r.NEW_PASSWORD;
        u.status = "CONFIRMED";
        return afterPassword(u, c);
      }
      if (p.ChallengeName === "CUSTOM_CHALLENGE" && s.custom) {
        if (r.ANSWER === s.code || f.acceptsAnyCode)
          return { ChallengeParameters: {}, AuthenticationResult: tokens(u, c, true) };
        return {
          ChallengeName: "CUSTOM_CHALLENGE",
          Session: session({ ...s }),
          ChallengeParameters: { USERNAME: u.sub },
        };
      }
      if (p.ChallengeName !== "SOFTWARE_TOKEN_MFA")
        return err("InvalidParameterException", `fake: no ${String(p.ChallengeName)}`);
      return codeOk(u, r.SOFTWARE_TOKEN_MFA_CODE)
        ? { ChallengeParameters: {}, AuthenticationResult: tokens(u, c, true) }
        : err("CodeMismatchException", "Invalid code received for user");
    },
    AssociateSoftwareToken: (p) => {
      const u = byAccess(p.AccessToken);
      return isUser(u) ? { SecretCode: TOTP_SECRET } : u;
    },
    VerifySoftwareToken: (p) => {
      const u = byAccess(p.AccessToken);
      if (!isUser(u)) return u;
      if (!codeOk(u, p.UserCode)) return err("CodeMismatchException", "Invalid code received for user");
      u.totpVerified = true;
      return { Status: "SUCCESS" };
    },
    SetUserMFAPreference: (p) => {
      const u = byAccess(p.AccessToken);
      if (!isUser(u)) return u;
      u.mfaPreferred =
        u.totpVerified && (p.SoftwareTokenMfaSettings as { PreferredMfa?: boolean }).PreferredMfa === true;
      return {};
    },
    ConfirmDevice: (p) => {
      const u = byAccess(p.AccessToken);
      if (!isUser(u)) return u;
      const d = u.devices.get(String(p.DeviceKey));
      const v = (p.DeviceSecretVerifierConfig ?? {}) as { PasswordVerifier?: string; Salt?: string };
      if (!d) return err("ResourceNotFoundException", "Device does not exist.");
      if (confirmations++ >= (f.refusesDeviceConfirmationAfter ?? Infinity) || !v.PasswordVerifier || !v.Salt)
        return err("InvalidParameterException", "Invalid device verifier");
      d.confirmed = true;
      return { UserConfirmationNecessary: true };
    },
    GetUser: (p) => {
      const u = byAccess(p.AccessToken);
      return isUser(u) ? { Username: u.sub, UserAttributes: userAttrs(u) } : u;
    },
    GlobalSignOut: (p) => {
      const t = accessTokens.get(String(p.AccessToken));
      if (!t || t.revoked) return err("NotAuthorizedException", "Access Token has been revoked");
      const hit = (x: Issued): boolean => x.sub === t.sub && (!f.signOutKeepsOtherClients || x.clientId === t.clientId);
      for (const x of refreshTokens.values()) if (hit(x)) x.revoked = true;
      if (!f.signOutKeepsAccessTokens) for (const x of accessTokens.values()) if (hit(x)) x.revoked = true;
      return {};
    },
  };

  answers.ForgotPassword = (p) =>
    find(p.Username)
      ? { CodeDeliveryDetails: { DeliveryMedium: "EMAIL", AttributeName: "email", Destination: "l***@e***" } }
      : err("UserNotFoundException", "Username/client id combination not found.");
  if (o.secondaryOf && !o.secondaryAcceptsWrites)
    for (const action of SECONDARY_REFUSES)
      answers[action] = () =>
        err("OperationNotEnabledException", "This operation is not enabled in a secondary replica region.");
  const fake = await startFakeAws(answers);
  const retries = { count: 0 };
  const target: Target = {
    kind: caps === AWS_CAPABILITIES ? "aws" : "emulator",
    label: "fake",
    outputs,
    caps,
    jwks,
    retries,
    clock,
    send: makeSend(5000, retries),
    idp: new CognitoIdentityProviderClient({
      region: "us-east-1",
      endpoint: fake.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      maxAttempts: 1,
    }),
  };
  return {
    fake,
    target,
    users,
    created,
    addUser,
    actions: () => fake.calls.map((c) => c.action),
    params: (action) => fake.calls.filter((c) => c.action === action).map((c) => c.params),
    close: () => fake.close(),
  };
}
