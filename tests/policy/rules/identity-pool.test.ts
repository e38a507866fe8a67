import {
  identityRolePermissions,
  identityRoleTrust,
  noClassicFlow,
  noGuestAccess,
  serverSideTokenCheck,
} from "../../../policy/rules/identity-pool";
import { doc, IDENTITY_POOL_ID, identityTrustStatement, smsTrustStatement } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  assertViolationsThenUnknown,
  checkResource,
  checkStack,
  res,
  type StackResourceInput,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const idPool = (over: Record<string, unknown> = {}) => ({
  identityPoolName: "app",
  allowUnauthenticatedIdentities: false,
  allowClassicFlow: false,
  ...over,
});

describe("policy cognito-identity-pool-no-guest-access (I1)", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(noGuestAccess, T.identityPool, props, { config });

  it("passes a pool without the setting (API default false) unless flagMissing", async () => {
    assertPass(await check({ identityPoolName: "app" }));
    assertViolation(await check({ identityPoolName: "app" }, { flagMissing: true }), "not set");
  });
  it("fails guests, also written as the string True", async () => {
    assertViolation(await check(idPool({ allowUnauthenticatedIdentities: true })), "guests get AWS credentials");
    assertViolation(await check(idPool({ allowUnauthenticatedIdentities: "True" })), "guests");
  });
  it("passes false", async () => assertPass(await check(idPool())));
  it("is not applicable to a user pool", async () =>
    assertNotApplicable(await checkResource(noGuestAccess, T.userPool, { allowUnauthenticatedIdentities: true })));
  it("reads only its setting during preview", async () => {
    assertPass(await check(idPool({ cognitoIdentityProviders: UNKNOWN.array })));
    assertUnknown(
      await check(idPool({ allowUnauthenticatedIdentities: UNKNOWN.boolean })),
      "allowUnauthenticatedIdentities",
    );
  });
});

describe("policy cognito-identity-pool-no-classic-flow", () => {
  const check = (props: Record<string, unknown>) => checkResource(noClassicFlow, T.identityPool, props);

  it("passes a pool without the setting (API default false) and false", async () => {
    assertPass(await check({ identityPoolName: "app" }));
    assertPass(await check(idPool()));
  });
  it("fails the classic flow, also written as TRUE", async () => {
    assertViolation(await check(idPool({ allowClassicFlow: true })), "allowClassicFlow");
    assertViolation(await check(idPool({ allowClassicFlow: "TRUE" })), "allowClassicFlow");
  });
  it("is not applicable to a role", async () => assertNotApplicable(await checkResource(noClassicFlow, T.role, {})));
  it("reads only its setting during preview", async () => {
    assertPass(await check(idPool({ allowUnauthenticatedIdentities: UNKNOWN.boolean })));
    assertUnknown(await check(idPool({ allowClassicFlow: UNKNOWN.boolean })), "allowClassicFlow");
  });
});

describe("policy cognito-identity-pool-server-side-token-check", () => {
  const check = (props: Record<string, unknown>) => checkResource(serverSideTokenCheck, T.identityPool, props);
  const provider = (over: Record<string, unknown> = {}) => ({
    clientId: "abc",
    providerName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123",
    serverSideTokenCheck: true,
    ...over,
  });

  it("passes when every provider checks tokens, also written as TRUE", async () => {
    assertPass(
      await check(
        idPool({ cognitoIdentityProviders: [provider(), provider({ clientId: "def", serverSideTokenCheck: "TRUE" })] }),
      ),
    );
  });
  it("fails each provider without the check (absent means false), naming its client", async () => {
    assertViolations(
      await check(
        idPool({
          cognitoIdentityProviders: [provider(), provider({ clientId: "def", serverSideTokenCheck: undefined })],
        }),
      ),
      1,
      "client def",
      "not set",
    );
    assertViolation(
      await check(idPool({ cognitoIdentityProviders: [provider({ serverSideTokenCheck: false })] })),
      "serverSideTokenCheck false",
    );
  });
  it("is not applicable to a pool that trusts no user pool, nor to other types", async () => {
    assertNotApplicable(await check(idPool()), "no user pool");
    assertNotApplicable(await checkResource(serverSideTokenCheck, T.userPool, {}));
  });
  it("decides while a provider's client id is unknown; cannot while the check itself is", async () => {
    assertPass(await check(idPool({ cognitoIdentityProviders: [provider({ clientId: UNKNOWN.string })] })));
    assertUnknown(
      await check(idPool({ cognitoIdentityProviders: [provider({ serverSideTokenCheck: UNKNOWN.boolean })] })),
      "cognitoIdentityProviders.0.serverSideTokenCheck",
    );
  });
});

const trust = (...statements: Array<Record<string, unknown>>) => ({
  assumeRolePolicy: JSON.stringify(doc(...statements)),
});
const st = (path: string, value: unknown) => withProp(identityTrustStatement(), path, value);

describe("policy cognito-identity-pool-role-trust", () => {
  const check = (props: Record<string, unknown>) => checkResource(identityRoleTrust, T.role, props);

  it("passes aud and amr conditions with AssumeRoleWithWebIdentity (and TagSession)", async () => {
    assertPass(await check(trust(identityTrustStatement())));
    assertPass(await check(trust(identityTrustStatement("unauthenticated"))));
    assertPass(await check(trust(st("Action", ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]))));
  });
  it("fails a trust without an aud condition, or with a wildcard aud", async () => {
    assertViolations(await check(trust(st("Condition.StringEquals", undefined))), 1, ":aud");
    assertViolation(
      await check(
        trust(
          st("Condition", {
            StringLike: { "cognito-identity.amazonaws.com:aud": "*" },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
          }),
        ),
      ),
      ":aud",
    );
    assertViolation(
      await check(trust(st("Condition.StringEquals", { "cognito-identity.amazonaws.com:aud": "us-east-1:*" }))),
      ":aud",
    );
  });
  it("fails a trust without an amr condition, or with a wildcard amr", async () => {
    assertViolations(await check(trust(st("Condition.ForAnyValue:StringLike", undefined))), 1, ":amr");
    assertViolation(
      await check(trust(st("Condition.ForAnyValue:StringLike", { "cognito-identity.amazonaws.com:amr": "*" }))),
      ":amr",
    );
  });
  it("fails other actions", async () => assertViolation(await check(trust(st("Action", "sts:*"))), '"sts:*"'));
  it("matches condition keys without case", async () => {
    assertPass(
      await check(
        trust(
          st("Condition", {
            StringEquals: { "Cognito-Identity.amazonaws.com:AUD": IDENTITY_POOL_ID },
            "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:Amr": "authenticated" },
          }),
        ),
      ),
    );
  });
  it("is not applicable to other roles and other types", async () => {
    assertNotApplicable(await check(trust(smsTrustStatement())), "cognito-identity");
    assertNotApplicable(await checkResource(identityRoleTrust, T.identityPool, trust(identityTrustStatement())));
  });
  it("decides while the role's name is unknown; cannot while the trust policy is", async () => {
    assertPass(await check({ ...trust(identityTrustStatement()), name: UNKNOWN.string }));
    assertUnknown(await check({ assumeRolePolicy: UNKNOWN.string }), "assumeRolePolicy");
  });
});

const ROLE_ARN = "arn:aws:iam::123456789012:role/authenticated";
const role = (props: Record<string, unknown> = {}) =>
  res(T.role, "authenticated", {
    id: "authenticated",
    name: "authenticated",
    arn: ROLE_ARN,
    ...trust(identityTrustStatement()),
    ...props,
  });
const rolePolicy = (policy: unknown, r: unknown = "authenticated", extra: Partial<StackResourceInput> = {}) =>
  res(
    T.rolePolicy,
    "authenticated-policy",
    { role: r, policy: typeof policy === "string" ? policy : JSON.stringify(policy) },
    extra,
  );
const INVOKE = doc({
  Effect: "Allow",
  Action: "execute-api:Invoke",
  Resource: "arn:aws:execute-api:us-east-1:123456789012:api/prod/GET/profile",
});

describe("policy cognito-identity-pool-role-permissions", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(identityRolePermissions, resources, { config });

  it("passes named actions", async () => assertPass(await check([role(), rolePolicy(INVOKE)])));
  it("fails wildcard actions and NotAction", async () => {
    assertViolations(
      await check([role(), rolePolicy(doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:*"], Resource: "*" }))]),
      1,
      '"s3:*"',
    );
    assertViolation(await check([role(), rolePolicy(doc({ Effect: "Allow", Action: "*", Resource: "*" }))]), '"*"');
    assertViolation(
      await check([role(), rolePolicy(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }))]),
      "NotAction",
    );
  });
  it("ignores wildcards in Deny statements", async () => {
    assertPass(await check([role(), rolePolicy(doc({ Effect: "Deny", Action: "*", Resource: "*" }))]));
  });
  it("fails broad and undefined managed policies; allowedManagedPolicyArns flips the latter", async () => {
    assertViolation(
      await check([role({ managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] })]),
      "broad managed policy",
    );
    const other = "arn:aws:iam::aws:policy/AmazonCognitoReadOnly";
    assertViolation(await check([role({ managedPolicyArns: [other] })]), "does not define");
    assertPass(await check([role({ managedPolicyArns: [other] })], { allowedManagedPolicyArns: [other] }));
  });
  it("finds roles through the identity pool's role attachment even without the federated trust", async () => {
    const plain = res(T.role, "guest", {
      name: "guest",
      arn: "arn:aws:iam::123456789012:role/guest",
      assumeRolePolicy: "{}",
    });
    const att = res(T.identityPoolRoleAttachment, "roles", {
      identityPoolId: IDENTITY_POOL_ID,
      roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
    });
    assertViolation(
      await check([plain, att, rolePolicy(doc({ Effect: "Allow", Action: "*", Resource: "*" }), "guest")]),
      "role guest",
    );
  });
  it("finds roles named by role-mapping rules", async () => {
    const mapped = res(T.role, "admins", {
      name: "admins",
      arn: "arn:aws:iam::123456789012:role/admins",
      assumeRolePolicy: "{}",
      managedPolicyArns: ["arn:aws:iam::aws:policy/PowerUserAccess"],
    });
    const att = res(T.identityPoolRoleAttachment, "roles", {
      identityPoolId: IDENTITY_POOL_ID,
      roleMappings: [
        {
          identityProvider: "p",
          type: "Rules",
          mappingRules: [
            {
              claim: "cognito:groups",
              matchType: "Contains",
              value: "admins",
              roleArn: "arn:aws:iam::123456789012:role/admins",
            },
          ],
        },
      ],
    });
    assertViolation(await check([mapped, att]), "PowerUserAccess");
  });
  it("is not applicable to a stack without identity-pool roles", async () =>
    assertNotApplicable(await check([res(T.role, "sms", trust(smsTrustStatement()))])));
  it("links a role policy through its property dependency while the role name is unknown", async () => {
    const unknownRole = role({ id: UNKNOWN.string, name: UNKNOWN.string, arn: UNKNOWN.string });
    const roleUrn = urn(T.role, "authenticated");
    assertViolation(
      await check([
        unknownRole,
        rolePolicy(doc({ Effect: "Allow", Action: "*", Resource: "*" }), UNKNOWN.string, {
          propertyDependencies: { role: [roleUrn] },
        }),
      ]),
      '"*"',
    );
    assertPass(await check([unknownRole, rolePolicy(INVOKE, UNKNOWN.string, { dependencies: [roleUrn] })]));
  });
  it("cannot decide while a linked policy document is unknown", async () =>
    assertUnknown(await check([role(), rolePolicy(UNKNOWN.string)]), "policy"));
  it("reports known grants while the role's inline and managed policies are unknown (a new role in preview), then stays undecided", async () => {
    const fresh = role({ inlinePolicies: UNKNOWN.string, managedPolicyArns: UNKNOWN.string });
    assertViolationsThenUnknown(
      await check([fresh, rolePolicy(doc({ Effect: "Allow", Action: "*", Resource: "*" }))]),
      1,
      "inlinePolicies",
      '"*" in role policy authenticated-policy',
    );
    assertViolationsThenUnknown(await check([fresh, rolePolicy(INVOKE)]), 0, "inlinePolicies");
  });
  it("passes a role whose inline policies are the provider's [{}] marker", async () =>
    assertPass(await check([role({ inlinePolicies: [{}] }), rolePolicy(INVOKE)])));
});
