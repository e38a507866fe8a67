import { wafAssociation } from "../../../policy/rules/user-pool-waf";
import { goodPool, POOL_ARN } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolations,
  checkStack,
  res,
  T,
  UNKNOWN,
  urn,
} from "../harness";

const WEB_ACL = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/auth/abc";
const poolRes = (arn: unknown = POOL_ARN) => res(T.userPool, "pool", { ...goodPool(), arn });
const assoc = (resourceArn: unknown, extra = {}) =>
  res(T.webAclAssociation, "waf", { resourceArn, webAclArn: WEB_ACL }, extra);

describe("policy cognito-user-pool-waf (U12)", () => {
  it("passes a pool with an association naming its ARN", async () =>
    assertPass(await checkStack(wafAssociation, [poolRes(), assoc(POOL_ARN)])));
  it("fails a pool without an association", async () =>
    assertViolations(await checkStack(wafAssociation, [poolRes()]), 1, "no WAF"));
  it("fails when the association protects something else", async () => {
    assertViolations(
      await checkStack(wafAssociation, [poolRes(), assoc("arn:aws:apigateway:us-east-1::/restapis/x/stages/prod")]),
      1,
      "no WAF",
    );
  });
  it("reports each uncovered pool", async () => {
    const other = res(T.userPool, "other", { ...goodPool(), arn: `${POOL_ARN}x` });
    const o = await checkStack(wafAssociation, [poolRes(), other, assoc(POOL_ARN)]);
    assertViolations(o, 1, "other");
  });
  it("is not applicable to a stack without pools", async () =>
    assertNotApplicable(await checkStack(wafAssociation, [assoc(POOL_ARN)])));
  it("links through resourceArn's property dependency during preview", async () => {
    assertPass(
      await checkStack(wafAssociation, [
        poolRes(UNKNOWN.string),
        assoc(UNKNOWN.string, { propertyDependencies: { resourceArn: [urn(T.userPool, "pool")] } }),
      ]),
    );
  });
  it("links through plain dependencies alone", async () => {
    assertPass(
      await checkStack(wafAssociation, [
        poolRes(UNKNOWN.string),
        assoc(UNKNOWN.string, { dependencies: [urn(T.userPool, "pool")] }),
      ]),
    );
  });
  it("cannot decide while an unknown ARN links to nothing", async () => {
    assertUnknown(await checkStack(wafAssociation, [poolRes(), assoc(UNKNOWN.string)]), "resourceArn");
  });
});
