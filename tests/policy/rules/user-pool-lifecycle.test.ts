import { deletionProtection, protectInProduction } from "../../../policy/rules/user-pool-lifecycle";
import { goodPool } from "../fixtures";
import { assertNotApplicable, assertPass, assertUnknown, assertViolation, assertViolations, checkResource, checkStack, res, T, UNKNOWN, withProp } from "../harness";

const pool = (path: string, value: unknown) => withProp(goodPool(), path, value);

describe("policy cognito-user-pool-deletion-protection (U10)", () => {
  const check = (props: Record<string, unknown>) => checkResource(deletionProtection, T.userPool, props);

  it("fails a pool without the setting (API default INACTIVE)", async () => assertViolation(await check(pool("deletionProtection", undefined)), "INACTIVE"));
  it("fails INACTIVE, in any case", async () => {
    assertViolation(await check(pool("deletionProtection", "INACTIVE")), "\"INACTIVE\"");
    assertViolation(await check(pool("deletionProtection", "Inactive")), "\"Inactive\"");
  });
  it("passes ACTIVE, in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("deletionProtection", "active")));
  });
  it("is not applicable to a domain", async () => assertNotApplicable(await checkResource(deletionProtection, "aws:cognito/userPoolDomain:UserPoolDomain", {})));
  it("reads only deletionProtection during preview", async () => {
    assertPass(await check(pool("emailConfiguration", UNKNOWN.object)));
    assertUnknown(await check(pool("deletionProtection", UNKNOWN.string)), "deletionProtection");
  });
});

describe("policy cognito-user-pool-protect-in-production", () => {
  const poolRes = (props: Record<string, unknown>, protect: boolean, stack = "test") => res(T.userPool, "pool", props, { opts: { protect } }, stack);
  const devTags = () => pool("tags", { environment: "dev" });

  it("fails an unprotected pool tagged environment=prod", async () => assertViolations(await checkStack(protectInProduction, [poolRes(goodPool(), false)]), 1, "tag environment=prod", "not protected"));
  it("passes a protected production pool", async () => assertPass(await checkStack(protectInProduction, [poolRes(goodPool(), true)])));
  it("ignores unprotected pools outside production", async () => {
    assertPass(await checkStack(protectInProduction, [poolRes(devTags(), false)]));
    assertPass(await checkStack(protectInProduction, [poolRes(pool("tags", undefined), false)]));
  });
  it("recognises production by stack tag, in any case", async () => {
    assertViolation(await checkStack(protectInProduction, [poolRes(devTags(), false)], { stackTags: { environment: "Production" } }), "stack tag environment=Production");
  });
  it("recognises production by stack name (productionStacks)", async () => {
    assertViolation(await checkStack(protectInProduction, [poolRes(devTags(), false, "prod")]), "stack \"prod\"");
    assertPass(await checkStack(protectInProduction, [poolRes(devTags(), false, "prod")], { config: { productionStacks: ["live"] } }));
  });
  it("the tag key and values are configurable", async () => {
    const tagged = pool("tags", { stage: "live" });
    assertPass(await checkStack(protectInProduction, [poolRes(tagged, false)]));
    assertViolation(await checkStack(protectInProduction, [poolRes(tagged, false)], { config: { productionTagKey: "stage", productionTagValues: ["live"] } }), "tag stage=live");
  });
  it("is not applicable to a stack without pools", async () => assertNotApplicable(await checkStack(protectInProduction, [res(T.role, "r", {})])));
  it("does not read tags when the stack tag already decides, so unknown tags do not block it", async () => {
    assertViolation(await checkStack(protectInProduction, [poolRes(pool("tags", UNKNOWN.object), false)], { stackTags: { environment: "prod" } }), "stack tag");
    assertUnknown(await checkStack(protectInProduction, [poolRes(pool("tags", UNKNOWN.object), false)]), "tags");
  });
});
