import { sesEmail } from "../../../policy/rules/user-pool-email";
import { goodPool } from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  checkResource,
  T,
  UNKNOWN,
  withProp,
} from "../harness";

const pool = (path: string, value: unknown) => withProp(goodPool(), path, value);

describe("policy cognito-user-pool-ses-email", () => {
  const check = (props: Record<string, unknown>) => checkResource(sesEmail, T.userPool, props);

  it("fails a pool without emailConfiguration (Cognito's sender)", async () =>
    assertViolation(await check(pool("emailConfiguration", undefined)), "not set"));
  it("fails COGNITO_DEFAULT, in any case", async () => {
    assertViolation(
      await check(pool("emailConfiguration", { emailSendingAccount: "COGNITO_DEFAULT" })),
      "COGNITO_DEFAULT",
    );
    assertViolation(
      await check(pool("emailConfiguration", { emailSendingAccount: "cognito_default" })),
      "COGNITO_DEFAULT",
    );
  });
  it("passes DEVELOPER, in any case", async () => {
    assertPass(await check(goodPool()));
    assertPass(await check(pool("emailConfiguration.emailSendingAccount", "Developer")));
  });
  it("is not applicable to an SES identity", async () =>
    assertNotApplicable(await checkResource(sesEmail, "aws:ses/domainIdentity:DomainIdentity", {})));
  it("decides while the SES source ARN is unknown, not while the sending account is", async () => {
    assertPass(await check(pool("emailConfiguration.sourceArn", UNKNOWN.string)));
    assertUnknown(
      await check(pool("emailConfiguration.emailSendingAccount", UNKNOWN.string)),
      "emailConfiguration.emailSendingAccount",
    );
  });
});
