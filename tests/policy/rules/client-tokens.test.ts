import { authSessionValidity, refreshTokenRotation, tokenLifetimes } from "../../../policy/rules/client-tokens";
import { goodClient } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  checkResource,
  T,
  UNKNOWN,
  withProp,
} from "../harness";

const client = (path: string, value: unknown) => withProp(goodClient(), path, value);

describe("policy cognito-client-token-lifetimes (C6)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(tokenLifetimes, T.userPoolClient, props, { config });

  it("passes a client without lifetimes (Cognito's 60 min / 60 min / 30 days)", async () => {
    const none = ["accessTokenValidity", "idTokenValidity", "refreshTokenValidity", "tokenValidityUnits"].reduce(
      (c, k) => withProp(c, k, undefined),
      goodClient(),
    );
    assertPass(await check(none));
  });
  it("takes the maxima as boundaries: 60 minutes passes, 61 fails; 30 days passes, 31 fails", async () => {
    assertPass(await check(goodClient()));
    assertViolations(await check(client("accessTokenValidity", 61)), 1, "accessTokenValidity is 61 minutes");
    assertViolations(await check(client("refreshTokenValidity", 31)), 1, "refreshTokenValidity is 31 days");
  });
  it("normalises units: 2 hours fails, 3600 seconds passes, and the default unit of access tokens is hours", async () => {
    assertViolation(
      await check(withProp(client("idTokenValidity", 2), "tokenValidityUnits.idToken", "hours")),
      "idTokenValidity is 2 hours",
    );
    assertPass(await check(withProp(client("accessTokenValidity", 3600), "tokenValidityUnits.accessToken", "seconds")));
    assertViolation(
      await check(withProp(client("accessTokenValidity", 2), "tokenValidityUnits", undefined)),
      "accessTokenValidity is 2 hours",
    );
  });
  it("reads units in any case and numbers written as strings", async () => {
    assertViolation(
      await check(withProp(client("accessTokenValidity", "2"), "tokenValidityUnits.accessToken", "Hours")),
      "2 hours",
    );
  });
  it("fails a unit it does not know rather than guessing", async () =>
    assertViolation(await check(client("tokenValidityUnits.accessToken", "weeks")), "60 weeks"));
  it("config flips the verdict", async () => {
    assertPass(await check(client("accessTokenValidity", 120), { maxAccessTokenMinutes: 120 }));
    assertViolation(await check(goodClient(), { maxRefreshTokenDays: 7 }), "refreshTokenValidity is 30 days");
  });
  it("is not applicable to a user pool", async () =>
    assertNotApplicable(await checkResource(tokenLifetimes, T.userPool, {})));
  it("reads a token's unit only when its value is set", async () => {
    assertPass(
      await check(withProp(client("accessTokenValidity", undefined), "tokenValidityUnits.accessToken", UNKNOWN.string)),
    );
    assertUnknown(
      await check(client("tokenValidityUnits.accessToken", UNKNOWN.string)),
      "tokenValidityUnits.accessToken",
    );
  });
});

describe("policy cognito-client-refresh-token-rotation (C7)", () => {
  const check = (props: Record<string, unknown>) => checkResource(refreshTokenRotation, T.userPoolClient, props);

  it("fails a client without rotation", async () =>
    assertViolation(await check(client("refreshTokenRotation", undefined)), "(not set)"));
  it("fails DISABLED", async () =>
    assertViolation(await check(client("refreshTokenRotation.feature", "DISABLED")), '"DISABLED"'));
  it("passes ENABLED, in any case", async () => {
    assertPass(await check(goodClient()));
    assertPass(await check(client("refreshTokenRotation.feature", "enabled")));
  });
  it("is not applicable to client_credentials clients, which get no refresh token", async () => {
    assertNotApplicable(
      await check(withProp(client("allowedOauthFlows", ["client_credentials"]), "refreshTokenRotation", undefined)),
      "client_credentials",
    );
  });
  it("is not applicable to an identity pool", async () =>
    assertNotApplicable(await checkResource(refreshTokenRotation, T.identityPool, {})));
  it("reads only the flows and the rotation during preview", async () => {
    assertPass(await check(client("callbackUrls", UNKNOWN.array)));
    assertUnknown(await check(client("refreshTokenRotation", UNKNOWN.object)), "refreshTokenRotation");
  });
});

describe("policy cognito-client-auth-session-validity", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(authSessionValidity, T.userPoolClient, props, { config });

  it("passes a client without the setting (Cognito's 3 minutes)", async () =>
    assertPass(await check(client("authSessionValidity", undefined))));
  it("takes 5 minutes as the boundary: 5 passes, 6 fails", async () => {
    assertPass(await check(client("authSessionValidity", 5)));
    assertViolation(await check(client("authSessionValidity", 6)), "6 minutes");
    assertViolation(await check(client("authSessionValidity", "15")), "15 minutes");
  });
  it("maximumMinutes flips the verdict", async () => {
    assertPass(await check(client("authSessionValidity", 15), { maximumMinutes: 15 }));
    assertViolation(await check(client("authSessionValidity", 4), { maximumMinutes: 3 }), "longer than 3");
  });
  it("is not applicable to a user", async () =>
    assertNotApplicable(await checkResource(authSessionValidity, T.user, {})));
  it("reads only its setting during preview", async () => {
    assertPass(await check(client("refreshTokenRotation", UNKNOWN.object)));
    assertUnknown(await check(client("authSessionValidity", UNKNOWN.number)), "authSessionValidity");
  });
});
