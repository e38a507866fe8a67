import * as assert from "node:assert";
import { noSeedUsersInProduction, noSeedUsersWithProductionPool } from "../../../policy/rules/seed-users";
import { goodPool, POOL_ID } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertViolations,
  checkResource,
  checkStack,
  res,
  type StackResourceInput,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const userProps = (username: unknown) => ({ userPoolId: POOL_ID, username, temporaryPassword: "Secret-123!" });
const user = (username: unknown, stack = "test") =>
  res(T.user, `seed-${String(username)}`, userProps(username), {}, stack);
const poolRes = (environment?: string) =>
  res(T.userPool, "pool", withProp(goodPool(), "tags", environment === undefined ? undefined : { environment }));

describe("policy cognito-no-seed-users-in-production (each user, before it is created)", () => {
  const check = (
    props: Record<string, unknown>,
    o: { stack?: string; config?: object; stackTags?: Record<string, string> } = {},
  ) =>
    checkResource(noSeedUsersInProduction, T.user, props, {
      name: "seed",
      urn: urn(T.user, "seed", o.stack),
      config: o.config,
      stackTags: o.stackTags,
    });

  it("fails a user in a stack tagged production (any case), naming the user but never the password", async () => {
    const o = await check(userProps("admin@example.com"), { stackTags: { environment: "PROD" } });
    assertViolations(o, 1, "admin@example.com", "stack tag environment=PROD");
    assert.ok(!o.violations[0].message.includes("Secret-123!"), "a violation message carries the seed password");
  });
  it("fails a user in a stack named in productionStacks (read from its URN)", async () => {
    assertViolations(await check(userProps("a@example.com"), { stack: "production" }), 1, 'stack "production"');
    assertViolations(await check(userProps("a@example.com"), { stack: "prod" }), 1, 'stack "prod"');
  });
  it("passes a user in a development stack", async () => {
    assertPass(await check(userProps("a@example.com"), { stack: "dev" }));
    assertPass(await check(userProps("a@example.com"), { stack: "dev", stackTags: { environment: "dev" } }));
  });
  it("config flips the verdict: other production names and tag values", async () => {
    assertPass(await check(userProps("a@example.com"), { stack: "prod", config: { productionStacks: ["live"] } }));
    assertViolations(
      await check(userProps("a@example.com"), { stack: "live", config: { productionStacks: ["live"] } }),
      1,
      '"live"',
    );
    assertViolations(
      await check(userProps("a@example.com"), {
        stackTags: { stage: "live" },
        config: { productionTagKey: "stage", productionTagValues: ["live"] },
      }),
      1,
      "stage=live",
    );
  });
  it("is not applicable to other resource types", async () => {
    assertNotApplicable(
      await checkResource(noSeedUsersInProduction, T.userPool, goodPool(), { urn: urn(T.userPool, "pool", "prod") }),
    );
  });
  it("still reports a user whose username is unknown during preview, by resource name", async () => {
    assertViolations(await check(userProps(UNKNOWN.string), { stack: "prod" }), 1, "user seed.");
  });
});

describe("policy cognito-no-seed-users-with-production-pool (stack)", () => {
  const check = (resources: StackResourceInput[], o: { config?: object; stackTags?: Record<string, string> } = {}) =>
    checkStack(noSeedUsersWithProductionPool, resources, o);

  it("fails every user when a pool is tagged production, on each user's URN", async () => {
    const o = await check([poolRes("prod"), user("admin@example.com"), user("customer@example.com")]);
    assertViolations(o, 2, "admin@example.com", "customer@example.com", "tag environment=prod");
    assert.deepStrictEqual(
      o.violations.map((v) => v.urn),
      [urn(T.user, "seed-admin@example.com"), urn(T.user, "seed-customer@example.com")],
    );
    assert.ok(o.violations.every((v) => !v.message.includes("Secret-123!")));
  });
  it("passes users when no pool is tagged production, whatever the stack's name or tags (the resource rule covers those)", async () => {
    assertPass(await check([poolRes("dev"), user("admin@example.com")]));
    assertPass(await check([poolRes(), user("admin@example.com")]));
    assertPass(await check([poolRes("dev"), user("a@example.com", "prod")], { stackTags: { environment: "prod" } }));
  });
  it("config flips the verdict: another tag key and values", async () => {
    assertPass(await check([poolRes("prod"), user("a@example.com")], { config: { productionTagValues: ["live"] } }));
    assertViolations(
      await check([poolRes("live"), user("a@example.com")], { config: { productionTagValues: ["live"] } }),
      1,
      "environment=live",
    );
  });
  it("is not applicable to a stack without users", async () =>
    assertNotApplicable(await check([poolRes("prod")]), "no users"));
  it("still reports a user whose username is unknown during preview, by resource name", async () => {
    assertViolations(
      await check([poolRes("prod"), res(T.user, "seed-x", { userPoolId: POOL_ID, username: UNKNOWN.string })]),
      1,
      "seed-x",
    );
  });
});
