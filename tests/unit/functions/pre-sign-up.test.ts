import * as assert from "node:assert";
import type { PreSignUpTriggerEvent } from "aws-lambda";
import { preSignUp, settingsFromEnv } from "../../../functions/pre-sign-up";
import { fixtureEvent } from "./fixtures";

const withEmail = (email: string, source = "PreSignUp_SignUp") => {
  const e = fixtureEvent<PreSignUpTriggerEvent>("pre-sign-up");
  e.request.userAttributes.email = email;
  e.triggerSource = source as PreSignUpTriggerEvent["triggerSource"];
  return e;
};

describe("functions/pre-sign-up", () => {
  const run = preSignUp({ allowedDomains: ["example.com"], autoConfirmDomains: [] });

  it("lets a listed domain sign up without confirming it", async () => {
    const out = await run(withEmail("new.user@example.com"));
    assert.strictEqual(out.response.autoConfirmUser, false);
    assert.strictEqual(out.response.autoVerifyEmail, false);
  });

  it("compares the domain exactly: a look-alike suffix and a subdomain are refused", async () => {
    for (const email of ["x@evil-example.com", "x@sub.example.com", "x@example.com.evil.net", "nobody", "x@"])
      await assert.rejects(run(withEmail(email)), /not open to this email domain/, email);
  });

  it("ignores case in the domain", async () => {
    const out = await run(withEmail("New.User@Example.COM"));
    assert.strictEqual(out.response.autoConfirmUser, false);
  });

  it("auto-confirms listed domains, but not federated sign-ups", async () => {
    const auto = preSignUp({ allowedDomains: ["example.com"], autoConfirmDomains: ["example.com"] });
    const out = await auto(withEmail("dev@example.com"));
    assert.deepStrictEqual([out.response.autoConfirmUser, out.response.autoVerifyEmail], [true, true]);
    const federated = withEmail("dev@example.com", "PreSignUp_ExternalProvider");
    federated.request.userAttributes.email_verified = "true";
    const fed = await auto(federated);
    assert.strictEqual(fed.response.autoConfirmUser, false);
  });

  it("refuses a federated sign-up whose provider did not verify the email", async () => {
    for (const verified of [undefined, "false"]) {
      const e = withEmail("dev@example.com", "PreSignUp_ExternalProvider");
      if (verified) e.request.userAttributes.email_verified = verified;
      await assert.rejects(run(e), /did not verify/);
    }
  });

  it("reads its lists from the environment", () => {
    assert.deepStrictEqual(settingsFromEnv({ ALLOWED_DOMAINS: "Example.com, example.org", AUTO_CONFIRM_DOMAINS: "" }), {
      allowedDomains: ["example.com", "example.org"],
      autoConfirmDomains: [],
    });
  });
});
