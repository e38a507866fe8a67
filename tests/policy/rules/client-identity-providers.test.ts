import * as assert from "node:assert";
import {
  clientIdentityProviders,
  clientIdentityProvidersOutsideStack,
} from "../../../policy/rules/client-identity-providers";
import { goodClient, POOL_ID } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolations,
  assertViolationsThenUnknown,
  checkStack,
  res,
  type StackResourceInput,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const clientRes = (providers: unknown, extra: Partial<StackResourceInput> = {}, type: string = T.userPoolClient) =>
  res(type, "web", withProp(goodClient(), "supportedIdentityProviders", providers), extra);
const idp = (providerName: unknown, name = "google", userPoolId: unknown = POOL_ID) =>
  res(T.identityProvider, name, { providerName, providerType: "Google", userPoolId });

describe("policy cognito-client-identity-providers-defined", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(clientIdentityProviders, resources, { config });

  it("fails a provider the stack defines only for another pool, naming the argument", async () =>
    assertViolations(
      await check([clientRes(["Google"]), idp("Google", "google", "us-east-1_Other")]),
      1,
      "supportedIdentityProviders on aws.cognito.UserPoolClient",
    ));
  it("passes a provider the stack does not define at all (created elsewhere: only advisory)", async () => {
    assertPass(await check([clientRes(["COGNITO", "Okta"])]));
    assertPass(await check([clientRes(["COGNITO", "Google", "Okta"]), idp("Google")]));
  });
});

describe("policy cognito-client-identity-providers-outside-stack", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(clientIdentityProvidersOutsideStack, resources, { config });

  it("is advisory: a provider created elsewhere cannot be judged, not blocked", () =>
    assert.strictEqual(clientIdentityProvidersOutsideStack.enforcementLevel, "advisory"));

  it("passes COGNITO alone and providers the stack defines", async () => {
    assertPass(await check([clientRes(["COGNITO"])]));
    assertPass(await check([clientRes(["COGNITO", "Google"]), idp("Google")]));
    assertPass(await check([clientRes(undefined)]));
  });
  it("reports a provider the stack does not define as cannot judge, naming it", async () => {
    assertViolations(
      await check([clientRes(["COGNITO", "Google", "Okta"]), idp("Google")]),
      1,
      'Cannot judge: app client web lists identity provider "Okta"',
    );
  });
  it("compares provider names exactly, as Cognito does", async () =>
    assertViolations(await check([clientRes(["google"]), idp("Google")]), 1, '"google"'));
  it("leaves a provider defined for another pool to cognito-client-identity-providers-defined", async () =>
    assertPass(await check([clientRes(["Google"]), idp("Google", "google", "us-east-1_Other")])));
  it("applies to managed clients", async () =>
    assertViolations(await check([clientRes(["Okta"], {}, T.managedUserPoolClient)]), 1, "Okta"));
  it("builtInProviders flips the verdict for a provider managed outside the stack", async () => {
    assertPass(await check([clientRes(["COGNITO", "Corp-SAML"])], { builtInProviders: ["COGNITO", "Corp-SAML"] }));
  });
  it("is not applicable to a stack without clients", async () => assertNotApplicable(await check([idp("Google")])));
  it("matches by name while the pool ids are unknown during preview", async () => {
    assertPass(
      await check([
        clientRes(["Google"], {}),
        res(T.identityProvider, "google", { providerName: "Google", userPoolId: UNKNOWN.string }),
      ]),
    );
  });
  it("accepts a provider whose name is unknown when the client depends on it", async () => {
    const idpUrn = urn(T.identityProvider, "oidc");
    assertPass(
      await check([
        clientRes(["Corp"], { propertyDependencies: { supportedIdentityProviders: [idpUrn] } }),
        idp(UNKNOWN.string, "oidc"),
      ]),
    );
    assertPass(await check([clientRes(["Corp"], { dependencies: [idpUrn] }), idp(UNKNOWN.string, "oidc")]));
    assertViolations(await check([clientRes(["Corp"]), idp(UNKNOWN.string, "oidc")]), 1, '"Corp"');
  });
  it("cannot decide while the client's provider list is unknown", async () =>
    assertUnknown(await check([clientRes(UNKNOWN.array)]), "supportedIdentityProviders"));
  it("checks the clients whose lists are known while another's is unknown (computed for a client that sets none)", async () => {
    const unset = res(
      T.userPoolClient,
      "backend",
      withProp(goodClient(), "supportedIdentityProviders", UNKNOWN.string),
    );
    const okta = res(
      T.userPoolClient,
      "admin",
      withProp(goodClient(), "supportedIdentityProviders", ["COGNITO", "Okta"]),
    );
    const o = await check([unset, okta, clientRes(["Google"]), idp("Google")]);
    assertViolationsThenUnknown(o, 1, "supportedIdentityProviders", "admin", '"Okta"');
    assert.deepStrictEqual(
      o.violations.map((v) => v.urn),
      [urn(T.userPoolClient, "admin")],
    );
    assertViolationsThenUnknown(
      await check([unset, clientRes(["Google"]), idp("Google")]),
      0,
      "supportedIdentityProviders",
    );
  });
});
