import { triggerInvokeScoped } from "../../../policy/rules/trigger-permissions";
import { POOL_ARN } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  checkResource,
  T,
  UNKNOWN,
} from "../harness";

const perm = (over: Record<string, unknown> = {}) => ({
  action: "lambda:InvokeFunction",
  function: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up",
  principal: "cognito-idp.amazonaws.com",
  sourceArn: POOL_ARN,
  sourceAccount: "123456789012",
  ...over,
});

describe("policy cognito-trigger-invoke-scoped", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(triggerInvokeScoped, T.lambdaPermission, props, { config });

  it("passes a permission scoped to one pool, as components/user-pool-triggers.ts writes it", async () =>
    assertPass(await check(perm(), { requireSourceAccount: true })));
  it("fails a permission without sourceArn", async () =>
    assertViolations(await check(perm({ sourceArn: undefined })), 1, "any user pool"));
  it("fails a wildcard or non-pool sourceArn", async () => {
    assertViolation(
      await check(perm({ sourceArn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/*" })),
      "not a single user pool",
    );
    assertViolation(await check(perm({ sourceArn: "arn:aws:s3:::bucket" })), "not a single user pool");
  });
  it("matches the principal without case", async () =>
    assertViolation(await check(perm({ principal: "Cognito-IDP.amazonaws.com", sourceArn: undefined })), "sourceArn"));
  it("requireSourceAccount flips a permission without sourceAccount to a failure", async () => {
    assertPass(await check(perm({ sourceAccount: undefined })));
    assertViolations(
      await check(perm({ sourceAccount: undefined }), { requireSourceAccount: true }),
      1,
      "sourceAccount",
    );
  });
  it("is not applicable to other principals and other types", async () => {
    assertNotApplicable(
      await check(perm({ principal: "apigateway.amazonaws.com", sourceArn: undefined })),
      "cognito-idp",
    );
    assertNotApplicable(await checkResource(triggerInvokeScoped, T.role, perm()));
  });
  it("accepts a pool ARN that is unknown during preview (it is set, to some resource's ARN)", async () =>
    assertPass(await check(perm({ sourceArn: UNKNOWN.string }))));
  it("cannot decide while the principal is unknown", async () =>
    assertUnknown(await check(perm({ principal: UNKNOWN.string })), "principal"));
});
