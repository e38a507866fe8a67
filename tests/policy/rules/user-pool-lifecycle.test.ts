import { deletionProtection, protectInProduction } from "../../../policy/rules/user-pool-lifecycle";
import { goodPool } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  checkResource,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const pool = (path: string, value: unknown) => withProp(goodPool(), path, value);

describe("policy cognito-user-pool-deletion-protection (U10)", () => {
  const check = (props: Record<string, unknown>) => checkResource(deletionProtection, T.userPool, props);

  it("fails a pool without the setting (API default INACTIVE)", async () =>
    assertViolation(await check(pool("deletionProtection", undefined)), "INACTIVE"));
  it("fails INACTIVE, in any case", async () => {
    assertViolation(await check(pool("deletionProtection", "INACTIVE")), '"INACTIVE"');
    assertViolation(await check(pool("deletionProtection", "Inactive")), '"Inactive"');
  });
  it("passes ACTIVE, in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("deletionProtection", "active")));
  });
  it("is not applicable to a domain", async () =>
    assertNotApplicable(await checkResource(deletionProtection, "aws:cognito/userPoolDomain:UserPoolDomain", {})));
  it("reads only deletionProtection during preview", async () => {
    assertPass(await check(pool("emailConfiguration", UNKNOWN.object)));
    assertUnknown(await check(pool("deletionProtection", UNKNOWN.string)), "deletionProtection");
  });
});

describe("policy cognito-user-pool-protect-in-production (each pool, before it is created)", () => {
  const check = (
    props: Record<string, unknown>,
    protect: boolean,
    o: { stack?: string; config?: object; stackTags?: Record<string, string> } = {},
  ) =>
    checkResource(protectInProduction, T.userPool, props, {
      name: "pool",
      urn: urn(T.userPool, "pool", o.stack),
      protect,
      config: o.config,
      stackTags: o.stackTags,
    });
  const devTags = () => pool("tags", { environment: "dev" });

  it("fails an unprotected pool tagged environment=prod", async () =>
    assertViolations(await check(goodPool(), false), 1, "pool", "tag environment=prod", "not protected"));
  it("passes a protected production pool", async () => assertPass(await check(goodPool(), true)));
  it("ignores unprotected pools outside production", async () => {
    assertPass(await check(devTags(), false));
    assertPass(await check(pool("tags", undefined), false));
  });
  it("recognises production by stack tag, in any case", async () => {
    assertViolation(
      await check(devTags(), false, { stackTags: { environment: "Production" } }),
      "stack tag environment=Production",
    );
  });
  it("recognises production by stack name (productionStacks)", async () => {
    assertViolation(await check(devTags(), false, { stack: "prod" }), 'stack "prod"');
    assertPass(await check(devTags(), false, { stack: "prod", config: { productionStacks: ["live"] } }));
  });
  it("the tag key and values are configurable", async () => {
    const tagged = pool("tags", { stage: "live" });
    assertPass(await check(tagged, false));
    assertViolation(
      await check(tagged, false, { config: { productionTagKey: "stage", productionTagValues: ["live"] } }),
      "tag stage=live",
    );
  });
  it("is not applicable to a role", async () =>
    assertNotApplicable(
      await checkResource(protectInProduction, T.role, {}, { protect: false, urn: urn(T.role, "r", "prod") }),
    ));
  it("does not read tags when protect or the stack tag already decides, so unknown tags do not block it", async () => {
    assertViolation(
      await check(pool("tags", UNKNOWN.object), false, { stackTags: { environment: "prod" } }),
      "stack tag",
    );
    assertPass(await check(pool("tags", UNKNOWN.object), true));
    assertUnknown(await check(pool("tags", UNKNOWN.object), false), "tags");
  });
});
