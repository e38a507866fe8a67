import { preventUserExistenceErrors, tokenRevocation } from "../../../policy/rules/client-security";
import { goodClient } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  checkResource,
  T,
  UNKNOWN,
  withProp,
} from "../harness";

const client = (path: string, value: unknown) => withProp(goodClient(), path, value);

describe("policy cognito-client-prevent-user-existence-errors (C1)", () => {
  const check = (props: Record<string, unknown>, type: string = T.userPoolClient) =>
    checkResource(preventUserExistenceErrors, type, props);

  it("fails a client without the setting (API default LEGACY)", async () =>
    assertViolation(await check(client("preventUserExistenceErrors", undefined)), "LEGACY"));
  it("fails LEGACY and DISABLED (Prowler's test values)", async () => {
    assertViolation(await check(client("preventUserExistenceErrors", "LEGACY")), '"LEGACY"');
    assertViolation(await check(client("preventUserExistenceErrors", "DISABLED")), '"DISABLED"');
  });
  it("passes ENABLED, in any case, on both client types", async () => {
    assertPass(await check(goodClient()));
    assertPass(await check(client("preventUserExistenceErrors", "Enabled"), T.managedUserPoolClient));
  });
  it("is not applicable to a user pool", async () => assertNotApplicable(await check({}, T.userPool)));
  it("reads only its setting during preview", async () => {
    assertPass(await check(client("callbackUrls", UNKNOWN.array)));
    assertUnknown(await check(client("preventUserExistenceErrors", UNKNOWN.string)), "preventUserExistenceErrors");
  });
});

describe("policy cognito-client-token-revocation (C2)", () => {
  const check = (props: Record<string, unknown>) => checkResource(tokenRevocation, T.userPoolClient, props);

  it("passes a client without the setting (API default on)", async () =>
    assertPass(await check(client("enableTokenRevocation", undefined))));
  it("fails false, also written as the string False", async () => {
    assertViolation(await check(client("enableTokenRevocation", false)), "cannot be revoked");
    assertViolation(await check(client("enableTokenRevocation", "False")), "cannot be revoked");
  });
  it("passes true", async () => assertPass(await check(goodClient())));
  it("is not applicable to a domain", async () =>
    assertNotApplicable(await checkResource(tokenRevocation, "aws:cognito/userPoolDomain:UserPoolDomain", {})));
  it("reads only its setting during preview", async () => {
    assertPass(await check(client("userPoolId", UNKNOWN.string)));
    assertUnknown(await check(client("enableTokenRevocation", UNKNOWN.boolean)), "enableTokenRevocation");
  });
});
