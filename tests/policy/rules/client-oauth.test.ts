import { httpsRedirects, noImplicitFlow, secretPosture } from "../../../policy/rules/client-oauth";
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

describe("policy cognito-client-no-implicit-flow (C3)", () => {
  const check = (props: Record<string, unknown>, type: string = T.userPoolClient) =>
    checkResource(noImplicitFlow, type, props);

  it("passes a client with no OAuth flows at all", async () =>
    assertPass(await check(client("allowedOauthFlows", undefined))));
  it("fails implicit, alone or with code, in any case", async () => {
    assertViolation(await check(client("allowedOauthFlows", ["implicit"])), "implicit");
    assertViolation(await check(client("allowedOauthFlows", ["code", "Implicit"])), "implicit");
  });
  it("passes code and client_credentials", async () => {
    assertPass(await check(goodClient()));
    assertPass(await check(client("allowedOauthFlows", ["client_credentials"])));
  });
  it("applies to managed clients too", async () =>
    assertViolation(await check(client("allowedOauthFlows", ["implicit"]), T.managedUserPoolClient), "implicit"));
  it("is not applicable to a user pool", async () =>
    assertNotApplicable(await check({ allowedOauthFlows: ["implicit"] }, T.userPool), "UserPoolClient"));
  it("reads only the flows during preview", async () => {
    assertPass(await check(client("userPoolId", UNKNOWN.string)));
    assertUnknown(await check(client("allowedOauthFlows", UNKNOWN.array)), "allowedOauthFlows");
  });
});

describe("policy cognito-client-https-redirects (C4)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(httpsRedirects, T.userPoolClient, props, { config });

  it("passes a client without URLs", async () => {
    const none = withProp(
      withProp(client("callbackUrls", undefined), "logoutUrls", undefined),
      "defaultRedirectUri",
      undefined,
    );
    assertPass(await check(none));
  });
  it("fails plain HTTP in each URL input, in any case", async () => {
    assertViolations(
      await check(client("callbackUrls", ["https://ok.example.com/cb", "http://app.example.com/cb"])),
      1,
      "callbackUrls",
      "http://app.example.com/cb",
    );
    assertViolations(await check(client("logoutUrls", ["HTTP://app.example.com/"])), 1, "logoutUrls");
    assertViolations(await check(client("defaultRedirectUri", "http://app.example.com/cb")), 1, "defaultRedirectUri");
  });
  it("passes HTTPS and native app schemes", async () => {
    assertPass(await check(goodClient()));
    assertPass(await check(client("callbackUrls", ["myapp://auth/callback", "com.example.app:/oauth2redirect"])));
  });
  it("fails localhost (http or https) unless allowLocalhost", async () => {
    for (const url of [
      "http://localhost:3000/cb",
      "https://localhost/cb",
      "http://127.0.0.1:8080/",
      "http://[::1]:3000/",
    ]) {
      assertViolation(await check(client("callbackUrls", [url])), "localhost URL");
      assertPass(await check(client("callbackUrls", [url]), { allowLocalhost: true }));
    }
  });
  it("does not mistake a host that starts with localhost for localhost", async () => {
    assertViolation(
      await check(client("callbackUrls", ["http://localhost.attacker.example/cb"]), { allowLocalhost: true }),
      "plain-HTTP",
    );
  });
  it("is not applicable to an identity provider", async () =>
    assertNotApplicable(await checkResource(httpsRedirects, T.identityProvider, {})));
  it("checks known URL inputs while another is unknown; cannot decide on the unknown one", async () => {
    assertViolation(
      await check(withProp(client("logoutUrls", ["http://app.example.com/"]), "userPoolId", UNKNOWN.string)),
      "logoutUrls",
    );
    assertUnknown(await check(client("logoutUrls", UNKNOWN.array)), "logoutUrls");
  });
});

describe("policy cognito-client-secret-posture (C5)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(secretPosture, T.userPoolClient, props, { config });
  const machine = (secret: unknown) =>
    withProp(
      withProp(client("name", "service"), "allowedOauthFlows", ["client_credentials"]),
      "generateSecret",
      secret,
    );

  it("fails client_credentials without a secret (absent or false)", async () => {
    assertViolation(await check(machine(undefined)), "client_credentials", "(not set)");
    assertViolation(await check(machine(false)), "is false");
  });
  it("passes client_credentials with a secret, also as the string TRUE", async () => {
    assertPass(await check(machine(true)));
    assertPass(await check(machine("TRUE")));
  });
  it("fails a public-looking client (web, spa, mobile ...) with a secret, whatever the case of its name", async () => {
    for (const name of ["web", "Admin-SPA", "ios_app", "MOBILE"])
      assertViolation(await check(withProp(client("name", name), "generateSecret", true)), "public");
  });
  it("passes public clients without a secret and confidential clients with one", async () => {
    assertPass(await check(goodClient()));
    assertPass(await check(withProp(client("name", "backend"), "generateSecret", true)));
    assertPass(await check(withProp(client("name", "webhooks"), "generateSecret", true)));
  });
  it("config flips both checks: no required flows, and a custom or empty public pattern", async () => {
    assertPass(await check(machine(false), { secretFlows: [] }));
    assertPass(await check(withProp(client("name", "web"), "generateSecret", true), { publicClientPattern: "" }));
    assertViolation(
      await check(withProp(client("name", "kiosk"), "generateSecret", true), { publicClientPattern: "kiosk" }),
      "kiosk",
    );
  });
  it("reports a publicClientPattern that does not compile instead of failing the run", async () => {
    const o = await check(withProp(client("name", "web"), "generateSecret", true), { publicClientPattern: "(web" });
    assertViolations(o, 1, 'publicClientPattern "(web" is not a valid regular expression', "web");
    assertPass(await check(goodClient(), { publicClientPattern: "(web" }));
  });
  it("is not applicable to a resource server", async () =>
    assertNotApplicable(await checkResource(secretPosture, "aws:cognito/resourceServer:ResourceServer", {})));
  it("decides while the callback URLs are unknown; cannot while generateSecret is", async () => {
    assertPass(await check(withProp(machine(true), "callbackUrls", UNKNOWN.array)));
    assertUnknown(await check(machine(UNKNOWN.boolean)), "generateSecret");
  });
});
