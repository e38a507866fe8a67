import * as assert from "node:assert";
import { accountTakeover, compromisedCredentials } from "../../../policy/rules/risk-configuration";
import { goodPool, POOL_ARN, POOL_ID } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  checkStack,
  res,
  type StackResourceInput,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const poolRes = (props: Record<string, unknown> = { ...goodPool(), id: POOL_ID, arn: POOL_ARN }) =>
  res(T.userPool, "pool", props);

function risk(over: Record<string, unknown> = {}, extra: Partial<StackResourceInput> = {}): StackResourceInput {
  return res(
    T.riskConfiguration,
    "risk",
    {
      userPoolId: POOL_ID,
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: "BLOCK" },
        eventFilters: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: "BLOCK", notify: true },
          mediumAction: { eventAction: "BLOCK", notify: true },
          highAction: { eventAction: "BLOCK", notify: true },
        },
      },
      ...over,
    },
    extra,
  );
}

const atRisk = (path: string, value: unknown) => withProp(risk().props, path, value);

describe("policy cognito-risk-compromised-credentials (U8)", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(compromisedCredentials, resources, { config });

  it("passes a pool whose risk configuration (linked by pool id) blocks on sign-in", async () =>
    assertPass(await check([poolRes(), risk()])));
  it("links a configuration by ARN-derived pool id when the pool has no id output", async () => {
    assertPass(await check([poolRes(withProp({ ...goodPool(), arn: POOL_ARN }, "id", undefined)), risk()]));
  });
  it("fails a pool with no risk configuration", async () =>
    assertViolations(await check([poolRes()]), 1, "no risk configuration"));
  it("does not count a configuration of another pool", async () =>
    assertViolation(await check([poolRes(), risk({ userPoolId: "us-east-1_Other" })]), "no risk configuration"));
  it("does not count a configuration scoped to one app client", async () =>
    assertViolation(await check([poolRes(), risk({ clientId: "abc123" })]), "no risk configuration"));
  it("checks a client-scoped configuration on its own URN, since it replaces the pool's for that client", async () => {
    const weak = res(
      T.riskConfiguration,
      "web-risk",
      withProp(
        atRisk("compromisedCredentialsRiskConfiguration.actions.eventAction", "NO_ACTION"),
        "clientId",
        "abc123",
      ),
    );
    const o = await check([poolRes(), risk(), weak]);
    assertViolations(o, 1, "web-risk", 'app client "abc123"', "does not block compromised credentials");
    assert.deepStrictEqual(
      o.violations.map((v) => v.urn),
      [urn(T.riskConfiguration, "web-risk")],
    );
    const noSection = res(
      T.riskConfiguration,
      "web-risk",
      withProp(withProp(risk().props, "compromisedCredentialsRiskConfiguration", undefined), "clientId", "abc123"),
    );
    assertViolations(await check([poolRes(), risk(), noSection]), 1, "web-risk");
    assertPass(
      await check([
        poolRes(),
        risk(),
        res(T.riskConfiguration, "web-risk", withProp(risk().props, "clientId", "abc123")),
      ]),
    );
  });
  it("treats a configuration whose clientId is unknown during preview as client-scoped, and still checks it", async () => {
    const scoped = res(
      T.riskConfiguration,
      "web-risk",
      withProp(atRisk("compromisedCredentialsRiskConfiguration.eventFilters", ["SIGN_UP"]), "clientId", UNKNOWN.string),
    );
    assertViolations(await check([poolRes(), risk(), scoped]), 1, "an app client", "SIGN_IN");
    assertViolation(await check([poolRes(), scoped]), "no risk configuration");
  });
  it("fails NO_ACTION, in any case", async () => {
    assertViolation(
      await check([
        poolRes(),
        res(
          T.riskConfiguration,
          "risk",
          atRisk("compromisedCredentialsRiskConfiguration.actions.eventAction", "No_Action"),
        ),
      ]),
      "does not block",
    );
  });
  it("fails filters without SIGN_IN, and treats missing filters as every event", async () => {
    assertViolation(
      await check([
        poolRes(),
        res(T.riskConfiguration, "risk", atRisk("compromisedCredentialsRiskConfiguration.eventFilters", ["SIGN_UP"])),
      ]),
      "SIGN_IN",
    );
    assertPass(
      await check([
        poolRes(),
        res(T.riskConfiguration, "risk", atRisk("compromisedCredentialsRiskConfiguration.eventFilters", undefined)),
      ]),
    );
    assertPass(
      await check([
        poolRes(),
        res(T.riskConfiguration, "risk", atRisk("compromisedCredentialsRiskConfiguration.eventFilters", ["sign_in"])),
      ]),
    );
  });
  it("requiredEventFilters flips a sign-in-only configuration to a failure", async () => {
    const signInOnly = res(
      T.riskConfiguration,
      "risk",
      atRisk("compromisedCredentialsRiskConfiguration.eventFilters", ["SIGN_IN"]),
    );
    assertPass(await check([poolRes(), signInOnly]));
    assertViolation(
      await check([poolRes(), signInOnly], { requiredEventFilters: ["SIGN_IN", "PASSWORD_CHANGE"] }),
      "SIGN_IN, PASSWORD_CHANGE",
    );
  });
  it("fails when threat protection is not ENFORCED, even with a blocking configuration", async () => {
    assertViolations(
      await check([
        poolRes(withProp({ ...goodPool(), id: POOL_ID }, "userPoolAddOns.advancedSecurityMode", "AUDIT")),
        risk(),
      ]),
      1,
      "not ENFORCED",
    );
  });
  it("is not applicable to a stack without pools", async () => assertNotApplicable(await check([risk()])));
  it("links through property dependencies when the pool id is unknown during preview", async () => {
    const unknownPool = poolRes(withProp(withProp(goodPool(), "id", UNKNOWN.string), "arn", UNKNOWN.string));
    const linked = risk(
      { userPoolId: UNKNOWN.string },
      { propertyDependencies: { userPoolId: [unknownPool.urn as string] } },
    );
    assertPass(await check([unknownPool, linked]));
  });
  it("links through plain dependencies alone", async () => {
    const unknownPool = poolRes(withProp(withProp(goodPool(), "id", UNKNOWN.string), "arn", UNKNOWN.string));
    assertPass(
      await check([unknownPool, risk({ userPoolId: UNKNOWN.string }, { dependencies: [urn(T.userPool, "pool")] })]),
    );
  });
  it("cannot decide while an unknown pool id links to nothing", async () => {
    assertUnknown(await check([poolRes(), risk({ userPoolId: UNKNOWN.string })]), "userPoolId");
  });
});

describe("policy cognito-risk-account-takeover (U9)", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(accountTakeover, resources, { config });
  const withAction = (level: string, action: string) =>
    res(T.riskConfiguration, "risk", atRisk(`accountTakeoverRiskConfiguration.actions.${level}.eventAction`, action));
  const PROD_LEVELS = { lowAction: "MFA_IF_CONFIGURED", mediumAction: "MFA_REQUIRED", highAction: "BLOCK" };

  it("passes BLOCK at every level (Prowler's default)", async () => assertPass(await check([poolRes(), risk()])));
  it("fails a pool with no risk configuration", async () =>
    assertViolation(await check([poolRes()]), "no risk configuration"));
  it("fails each level weaker than BLOCK by default", async () => {
    for (const level of ["lowAction", "mediumAction", "highAction"])
      assertViolations(await check([poolRes(), withAction(level, "MFA_REQUIRED")]), 1, level);
  });
  it("fails a level with no action at all", async () =>
    assertViolation(
      await check([
        poolRes(),
        res(T.riskConfiguration, "risk", atRisk("accountTakeoverRiskConfiguration.actions.lowAction", undefined)),
      ]),
      "lowAction",
    ));
  it("per-level minimums flip the verdict at the boundary (MFA_IF_CONFIGURED < MFA_REQUIRED)", async () => {
    const prodLike = res(
      T.riskConfiguration,
      "risk",
      withProp(
        atRisk("accountTakeoverRiskConfiguration.actions.lowAction.eventAction", "MFA_IF_CONFIGURED"),
        "accountTakeoverRiskConfiguration.actions.mediumAction.eventAction",
        "MFA_REQUIRED",
      ),
    );
    assertViolations(await check([poolRes(), prodLike]), 2, "lowAction", "mediumAction");
    assertPass(await check([poolRes(), prodLike], PROD_LEVELS));
    assertViolation(
      await check([poolRes(), withAction("mediumAction", "MFA_IF_CONFIGURED")], PROD_LEVELS),
      "mediumAction is weaker than MFA_REQUIRED",
    );
  });
  it("compares actions without case", async () =>
    assertPass(await check([poolRes(), withAction("highAction", "block")])));
  it("fails when threat protection is not ENFORCED", async () => {
    assertViolation(
      await check([poolRes(withProp({ ...goodPool(), id: POOL_ID }, "userPoolAddOns", undefined)), risk()]),
      "not ENFORCED",
    );
  });
  it("is not applicable without pools", async () => assertNotApplicable(await check([])));
  it("checks each level of a client-scoped configuration against the same minimums, on its own URN", async () => {
    const scoped = res(
      T.riskConfiguration,
      "web-risk",
      withProp(
        atRisk("accountTakeoverRiskConfiguration.actions.highAction.eventAction", "MFA_REQUIRED"),
        "clientId",
        "abc123",
      ),
    );
    const o = await check([poolRes(), risk(), scoped]);
    assertViolations(o, 1, "web-risk", 'app client "abc123"', "highAction is weaker than BLOCK");
    assert.deepStrictEqual(
      o.violations.map((v) => v.urn),
      [urn(T.riskConfiguration, "web-risk")],
    );
    assertPass(await check([poolRes(), risk(), scoped], { ...PROD_LEVELS, highAction: "MFA_REQUIRED" }));
  });
  it("cannot decide while a level's action is unknown", async () => {
    assertUnknown(
      await check([poolRes(), withAction("highAction", UNKNOWN.string)]),
      "accountTakeoverRiskConfiguration.actions.highAction.eventAction",
    );
  });
});
