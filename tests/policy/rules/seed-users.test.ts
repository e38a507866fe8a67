import { noSeedUsersInProduction } from "../../../policy/rules/seed-users";
import { goodPool, POOL_ID } from "../fixtures";
import { assertNotApplicable, assertPass, assertViolations, checkStack, res, StackResourceInput, T, UNKNOWN, withProp } from "../harness";

const user = (username: unknown, stack = "test") => res(T.user, `seed-${String(username)}`, { userPoolId: POOL_ID, username, temporaryPassword: "Secret-123!" }, {}, stack);
const poolRes = (environment?: string) => res(T.userPool, "pool", withProp(goodPool(), "tags", environment === undefined ? undefined : { environment }));

describe("policy cognito-no-seed-users-in-production", () => {
  const check = (resources: StackResourceInput[], o: { config?: object; stackTags?: Record<string, string> } = {}) => checkStack(noSeedUsersInProduction, resources, o);

  it("fails every user when the pool is tagged production, naming the user but never the password", async () => {
    const o = await check([poolRes("prod"), user("admin@example.com"), user("customer@example.com")]);
    assertViolations(o, 2, "admin@example.com", "customer@example.com", "tag environment=prod");
    for (const v of o.violations) {
      if (v.message.includes("Secret-123!")) throw new Error("a violation message carries the seed password");
    }
  });
  it("passes users in a development stack", async () => {
    assertPass(await check([poolRes("dev"), user("admin@example.com")]));
    assertPass(await check([poolRes(), user("admin@example.com")]));
  });
  it("recognises production by stack tag (any case) and by stack name", async () => {
    assertViolations(await check([poolRes("dev"), user("a@example.com")], { stackTags: { environment: "PROD" } }), 1, "stack tag");
    assertViolations(await check([poolRes("dev"), user("a@example.com", "production")]), 1, "stack \"production\"");
  });
  it("config flips the verdict: other production names and tag values", async () => {
    assertPass(await check([poolRes("prod"), user("a@example.com")], { config: { productionTagValues: ["live"] } }));
    assertViolations(await check([poolRes("dev"), user("a@example.com", "live")], { config: { productionStacks: ["live"] } }), 1, "\"live\"");
  });
  it("is not applicable to a stack without users", async () => assertNotApplicable(await check([poolRes("prod")]), "no users"));
  it("still reports a user whose username is unknown during preview, by resource name", async () => {
    assertViolations(await check([poolRes("prod"), res(T.user, "seed-x", { userPoolId: POOL_ID, username: UNKNOWN.string })]), 1, "seed-x");
  });
});
