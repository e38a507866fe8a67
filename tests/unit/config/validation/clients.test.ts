import * as assert from "node:assert";
import { assertIssue, issuesFor, load } from "../../helpers";

/** A dev web client with everything it needs, to vary one key at a time. */
const web = (over: Record<string, unknown> = {}) => ({
  clients: { web: { kind: "web", callbackUrls: ["https://app.example.com/cb"], ...over } },
});
const prodValues = (over: Record<string, unknown>) => ({
  messaging: {
    email: {
      fromEmailAddress: "no-reply@auth.example.com",
      identity: "auth.example.com",
      hostedZoneId: "Z0EXAMPLE0000000000000",
    },
  },
  clients: { web: { kind: "web", callbackUrls: ["https://app.example.com/cb"], ...over }, backend: null },
});

describe("config/validation/clients", () => {
  describe("callback and logout URLs", () => {
    it("requires callback URLs when the code or implicit flow is on", () => {
      assertIssue(
        issuesFor("dev", web({ callbackUrls: [] })),
        "clients.web.callbackUrls",
        "must not be empty when the code or implicit OAuth flow is on",
      );
      assert.ok(load("dev", { clients: { web: { kind: "web", allowedOauthFlows: [], allowedOauthScopes: [] } } }));
    });
    it("allows http only for localhost and 127.0.0.1 outside prod", () => {
      const issues = issuesFor(
        "dev",
        web({
          callbackUrls: ["http://app.example.com/cb"],
          logoutUrls: ["http://localhost:3000/", "http://127.0.0.1:3000/"],
        }),
      );
      assertIssue(
        issues,
        "clients.web.callbackUrls[0]",
        "must use https (http only for http://localhost or http://127.0.0.1 outside production)",
      );
      assert.ok(
        !issues.some((i) => i.path.startsWith("clients.web.logoutUrls")),
        "localhost logout URLs are fine in dev",
      );
    });
    it("refuses any localhost URL in a prod stack, https included", () => {
      const issues = issuesFor(
        "prod",
        prodValues({
          callbackUrls: ["https://app.example.com/cb", "http://localhost:3000/cb"],
          logoutUrls: ["https://localhost/"],
        }),
      );
      assertIssue(issues, "clients.web.callbackUrls[1]", "a production stack must not use localhost URLs");
      assertIssue(issues, "clients.web.logoutUrls[0]", "a production stack must not use localhost URLs");
    });
    it("allows custom schemes only for native clients", () => {
      assertIssue(
        issuesFor("dev", web({ callbackUrls: ["myapp://cb"] })),
        "clients.web.callbackUrls[0]",
        "custom schemes (myapp://) are only for native clients",
      );
      assert.ok(load("dev", { clients: { mobile: { kind: "native", callbackUrls: ["myapp://cb"] } } }));
      assertIssue(
        issuesFor("dev", { clients: { mobile: { kind: "native", callbackUrls: ["javascript://cb"] } } }),
        "clients.mobile.callbackUrls[0]",
        "must not use the javascript: scheme",
      );
    });
    it("bounds URL length to 1-1024 and refuses spaces and fragments", () => {
      const long = `https://app.example.com/${"a".repeat(1001)}`;
      const issues = issuesFor(
        "dev",
        web({ callbackUrls: [long, "https://app.example.com/a b", "https://app.example.com/cb#x", ""] }),
      );
      assertIssue(issues, "clients.web.callbackUrls[0]", "must be 1-1024 characters with no spaces");
      assertIssue(issues, "clients.web.callbackUrls[1]", "must be 1-1024 characters with no spaces");
      assertIssue(issues, "clients.web.callbackUrls[2]", "must not contain a fragment (#)");
      assertIssue(issues, "clients.web.callbackUrls[3]", "must be 1-1024 characters with no spaces");
      assert.ok(load("dev", web({ callbackUrls: [`https://app.example.com/${"a".repeat(1000)}`] })));
    });
    it("refuses a URL that is not absolute", () => {
      assertIssue(
        issuesFor("dev", web({ logoutUrls: ["/signed-out"] })),
        "clients.web.logoutUrls[0]",
        "must be an absolute URL",
      );
    });
    it("requires defaultRedirectUri to be one of the callbacks", () => {
      assertIssue(
        issuesFor("dev", web({ defaultRedirectUri: "https://other.example.com/cb" })),
        "clients.web.defaultRedirectUri",
        "must be one of callbackUrls",
      );
      assert.strictEqual(
        load("dev", web({ defaultRedirectUri: "https://app.example.com/cb" })).clients.web.defaultRedirectUri,
        "https://app.example.com/cb",
      );
    });
  });

  describe("OAuth flows", () => {
    it("refuses implicit unless the client allows it, and always in prod", () => {
      assertIssue(
        issuesFor("dev", web({ allowedOauthFlows: ["implicit"] })),
        "clients.web.allowedOauthFlows",
        "the implicit grant is refused unless the client sets allowImplicitFlow: true",
      );
      assert.ok(load("dev", web({ allowedOauthFlows: ["implicit"], allowImplicitFlow: true })));
      assertIssue(
        issuesFor("prod", prodValues({ allowedOauthFlows: ["implicit"], allowImplicitFlow: true })),
        "clients.web.allowedOauthFlows",
        "never allowed in a production stack",
      );
    });
    it("does not mix client_credentials with user flows, and needs a secret", () => {
      const issues = issuesFor("dev", {
        clients: {
          svc: {
            kind: "machine",
            allowedOauthFlows: ["client_credentials", "code"],
            allowedOauthScopes: ["api/read"],
            callbackUrls: ["https://x.example.com/cb"],
          },
        },
      });
      assertIssue(
        issues,
        "clients.svc.allowedOauthFlows",
        "client_credentials cannot be combined with code or implicit",
      );
      assertIssue(
        issuesFor("dev", {
          clients: { svc: { kind: "machine", generateSecret: false, allowedOauthScopes: ["api/read"] } },
        }),
        "clients.svc.generateSecret",
        "client_credentials needs a client secret",
      );
    });
    it("needs a hosted-UI domain for OAuth flows", () => {
      assertIssue(
        issuesFor("dev", { domain: { enabled: false } }),
        "clients.web.allowedOauthFlows",
        "OAuth flows need a hosted-UI domain",
      );
    });
    it("keeps public clients free of secrets", () => {
      assertIssue(
        issuesFor("dev", web({ generateSecret: true })),
        "clients.web.generateSecret",
        "cannot keep a secret",
      );
    });
    it("needs a secret to propagate user context data", () => {
      assertIssue(
        issuesFor("dev", web({ enablePropagateAdditionalUserContextData: true })),
        "clients.web.enablePropagateAdditionalUserContextData",
        "needs a client secret",
      );
    });
    it("refuses ALLOW_REFRESH_TOKEN_AUTH with refresh token rotation", () => {
      assertIssue(
        issuesFor("dev", web({ refreshTokenRotation: { feature: "ENABLED" } })),
        "clients.web.explicitAuthFlows",
        "refresh token rotation does not work with ALLOW_REFRESH_TOKEN_AUTH",
      );
      assert.ok(
        load("dev", web({ refreshTokenRotation: { feature: "ENABLED" }, explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] })),
      );
    });
  });

  describe("scopes", () => {
    it("reports a scope naming an unknown resource server, or a scope the server lacks", () => {
      const issues = issuesFor("dev", { clients: { service: { allowedOauthScopes: ["apii/read", "api/delete"] } } });
      assertIssue(
        issues,
        "clients.service.allowedOauthScopes[0]",
        `names resource server "apii", which is not in resourceServers; did you mean "api"?`,
      );
      assertIssue(
        issues,
        "clients.service.allowedOauthScopes[1]",
        `resource server "api" has no scope "delete"; its scopes: read, write`,
      );
    });
    it("accepts a scope written with the server's identifier", () => {
      assert.ok(load("dev", { clients: { service: { allowedOauthScopes: ["https://api.dev.example.com/write"] } } }));
    });
    it("refuses unknown standard scopes", () => {
      assertIssue(
        issuesFor("dev", web({ allowedOauthScopes: ["openid", "offline_access"] })),
        "clients.web.allowedOauthScopes[1]",
        "unknown scope; use a standard scope",
      );
    });
    it("limits client_credentials to resource-server scopes and requires one", () => {
      assertIssue(
        issuesFor("dev", { clients: { service: { allowedOauthScopes: ["api/read", "openid"] } } }),
        "clients.service.allowedOauthScopes[1]",
        "client_credentials clients can only use resource-server scopes",
      );
      assertIssue(
        issuesFor("dev", { clients: { service: { allowedOauthScopes: [] } } }),
        "clients.service.allowedOauthScopes",
        "client_credentials needs at least one resource-server scope",
      );
    });
  });

  describe("token lifetimes", () => {
    it("bounds access and ID tokens to 5 minutes-1 day in their unit", () => {
      assertIssue(
        issuesFor("dev", web({ accessTokenValidity: 4 })),
        "clients.web.accessTokenValidity",
        "must be between 5 minutes and 1 day (5-1440 minutes)",
      );
      assertIssue(
        issuesFor(
          "dev",
          web({
            idTokenValidity: 25,
            tokenValidityUnits: { accessToken: "hours", idToken: "hours", refreshToken: "days" },
          }),
        ),
        "clients.web.idTokenValidity",
        "(1-24 hours)",
      );
      assert.ok(
        load(
          "dev",
          web({
            accessTokenValidity: 300,
            idTokenValidity: 86400,
            tokenValidityUnits: { accessToken: "seconds", idToken: "seconds", refreshToken: "days" },
          }),
        ),
      );
    });
    it("bounds refresh tokens to 60 minutes-3650 days", () => {
      assertIssue(
        issuesFor("dev", web({ refreshTokenValidity: 3651 })),
        "clients.web.refreshTokenValidity",
        "must be between 60 minutes and 3650 days (1-3650 days)",
      );
      assertIssue(
        issuesFor(
          "dev",
          web({
            refreshTokenValidity: 59,
            accessTokenValidity: 5,
            idTokenValidity: 5,
            tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "minutes" },
          }),
        ),
        "clients.web.refreshTokenValidity",
        "(60-5256000 minutes)",
      );
    });
    it("keeps access and ID tokens within the refresh token's lifetime", () => {
      const units = { accessToken: "minutes", idToken: "hours", refreshToken: "minutes" };
      const issues = issuesFor(
        "dev",
        web({ tokenValidityUnits: units, accessTokenValidity: 90, idTokenValidity: 2, refreshTokenValidity: 60 }),
      );
      assertIssue(
        issues,
        "clients.web.accessTokenValidity",
        "must not exceed refreshTokenValidity (90 minutes > 60 minutes)",
      );
      assertIssue(issues, "clients.web.idTokenValidity", "must not exceed refreshTokenValidity (2 hours > 60 minutes)");
    });
    it("bounds the auth session to 3-15 minutes", () => {
      assertIssue(
        issuesFor("dev", web({ authSessionValidity: 16 })),
        "clients.web.authSessionValidity",
        "must be between 3 and 15 minutes",
      );
      assertIssue(
        issuesFor("dev", web({ authSessionValidity: 2 })),
        "clients.web.authSessionValidity",
        "must be between 3 and 15 minutes",
      );
      assert.strictEqual(load("dev", web({ authSessionValidity: 15 })).clients.web.authSessionValidity, 15);
    });
  });

  describe("identity providers", () => {
    it("reports a client naming a provider that is not configured", () => {
      assertIssue(
        issuesFor("dev", web({ identityProviders: ["Google"] })),
        "clients.web.identityProviders[0]",
        "unknown identity provider; identityProviders is empty",
      );
      assertIssue(
        issuesFor("dev", web({ identityProviders: ["COGNITO"] })),
        "clients.web.identityProviders[0]",
        "COGNITO comes from includeCognito",
      );
    });
    it("suggests the configured provider for a typo", () => {
      const idp = { Google: { type: "google", clientId: "id", clientSecret: { secure: "v1:x" } } };
      assertIssue(
        issuesFor("dev", { identityProviders: idp, ...web({ identityProviders: ["Gogle"] }) }),
        "clients.web.identityProviders[0]",
        `did you mean "Google"?`,
      );
      assert.deepStrictEqual(
        load("dev", { identityProviders: idp, ...web({ identityProviders: ["Google"] }) }).clients.web
          .identityProviderKeys,
        ["Google"],
      );
    });
    it("needs some provider for a client that signs users in", () => {
      assertIssue(
        issuesFor("dev", web({ includeCognito: false })),
        "clients.web.includeCognito",
        "signs users in but has no provider",
      );
    });
  });

  describe("attributes", () => {
    it("refuses custom attributes the pool does not define", () => {
      assertIssue(
        issuesFor("dev", web({ readAttributes: ["email", "custom:plan"] })),
        "clients.web.readAttributes[1]",
        `custom attribute "plan" is not defined in pool.schemas`,
      );
    });
    it("refuses unknown standard attributes", () => {
      assertIssue(
        issuesFor("dev", web({ readAttributes: ["emial"] })),
        "clients.web.readAttributes[0]",
        `did you mean "email"?`,
      );
    });
    it("refuses immutable and developer-only custom attributes and verification flags as write attributes", () => {
      const schemas = [
        { name: "tenant", attributeDataType: "String", mutable: false },
        { name: "score", attributeDataType: "Number", developerOnlyAttribute: true },
      ];
      const issues = issuesFor("dev", {
        pool: { schemas },
        ...web({
          readAttributes: ["custom:tenant"],
          writeAttributes: ["custom:tenant", "custom:score", "email_verified"],
        }),
      });
      assertIssue(
        issues,
        "clients.web.writeAttributes[0]",
        "is immutable (mutable: false) and cannot be a write attribute",
      );
      assertIssue(issues, "clients.web.writeAttributes[1]", "is developer-only");
      assertIssue(issues, "clients.web.writeAttributes[2]", "verification flags are set by Cognito");
      assert.ok(
        !issues.some((i) => i.path === "clients.web.readAttributes[0]"),
        "reading an immutable attribute is fine",
      );
    });
  });

  it("checks client names", () => {
    assertIssue(issuesFor("dev", web({ name: "web/app" })), "clients.web.name", "must be 1-128 characters");
    assertIssue(issuesFor("dev", web({ name: "x".repeat(129) })), "clients.web.name", "must be 1-128 characters");
    assert.strictEqual(load("dev", web({ name: "Web App, dev@team+1" })).clients.web.name, "Web App, dev@team+1");
  });

  it("names every mistake in one validation error", () => {
    const issues = issuesFor("prod", {
      ...prodValues({
        callbackUrls: ["http://app.example.com/cb"],
        identityProviders: ["Okta"],
        allowedOauthScopes: ["openid", "api/admin"],
      }),
      domain: { prefix: "My_Login" },
    });
    assertIssue(issues, "clients.web.callbackUrls[0]", "must use https");
    assertIssue(issues, "clients.web.identityProviders[0]", "unknown identity provider");
    assertIssue(issues, "clients.web.allowedOauthScopes[1]", `resource server "api" has no scope "admin"`);
    assertIssue(issues, "domain.prefix", "must be lowercase letters");
  });

  it("passes the shipped dev and prod presets", () => {
    assert.ok(load("dev", {}));
    assert.ok(load("prod", prodValues({})));
  });
});

describe("config/validation/clients: refresh and federation", () => {
  it("needs ALLOW_REFRESH_TOKEN_AUTH unless refresh token rotation is on", () => {
    assertIssue(
      issuesFor("dev", { clients: { web: { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] } } }),
      "clients.web.explicitAuthFlows",
      "must include ALLOW_REFRESH_TOKEN_AUTH",
    );
    assert.ok(
      load("dev", {
        clients: {
          web: {
            explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
            refreshTokenRotation: { feature: "ENABLED", retryGracePeriodSeconds: 10 },
          },
        },
      }),
    );
  });
  it("needs the Essentials or Plus plan for refresh token rotation", () => {
    assertIssue(
      issuesFor("dev", {
        pool: { userPoolTier: "LITE", passwordPolicy: { passwordHistorySize: 0 } },
        domain: { managedLoginVersion: 1 },
        clients: { web: { explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], refreshTokenRotation: { feature: "ENABLED" } } },
      }),
      "clients.web.refreshTokenRotation.feature",
      "ESSENTIALS or PLUS",
    );
  });
  it("refuses a DISABLED rotation block", () => {
    assertIssue(
      issuesFor("dev", { clients: { web: { refreshTokenRotation: { feature: "DISABLED" } } } }),
      "clients.web.refreshTokenRotation.feature",
      "leave refreshTokenRotation out",
    );
  });
  it("needs every attribute a client's identity provider maps to be writable by that client", () => {
    const google = { Google: { type: "google", clientId: "id", clientSecret: { secure: "v1:x" } } };
    assertIssue(
      issuesFor("dev", {
        identityProviders: google,
        clients: { web: { identityProviders: ["Google"], writeAttributes: ["name"] } },
      }),
      "clients.web.writeAttributes",
      "must include the attributes Google maps (email, given_name, family_name)",
    );
    assert.ok(
      load("dev", { identityProviders: google, clients: { web: { identityProviders: ["Google"] } } }),
      "the default write attributes cover the default mapping",
    );
  });
});
