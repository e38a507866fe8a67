import * as assert from "node:assert";
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from "aws-lambda";
import { createAuthChallenge, maskEmail } from "../../../functions/create-auth-challenge";
import { defineAuthChallenge } from "../../../functions/define-auth-challenge";
import { sameSecret, handler as verify } from "../../../functions/verify-auth-challenge-response";
import { recordingMailer } from "./fake-clients";
import { fixtureEvent } from "./fixtures";

type Session = DefineAuthChallengeTriggerEvent["request"]["session"];
const define = defineAuthChallenge({ maxAttempts: 3 });

/**
 * Drives the three triggers the way Cognito does: define, then (for a custom challenge) create, the
 * user's answer through verify, its result appended to the session, and define again.
 */
async function signIn(answers: string[], passwordOk = true) {
  const mailer = recordingMailer();
  const create = createAuthChallenge({ from: "no-reply@example.com", codeLength: 6 }, { mailer, random: () => 42917 });
  const session: Session = [{ challengeName: "SRP_A", challengeResult: true, challengeMetadata: undefined }];
  const steps: string[] = [];
  for (let i = 0; i < 10; i++) {
    const d = fixtureEvent<DefineAuthChallengeTriggerEvent>("define-auth-challenge");
    d.request.session = structuredClone(session);
    const out = await define(d);
    if (out.response.issueTokens) return { result: "tokens", steps, mailer };
    if (out.response.failAuthentication) return { result: "failed", steps, mailer };
    steps.push(out.response.challengeName ?? "");
    if (out.response.challengeName === "PASSWORD_VERIFIER") {
      session.push({ challengeName: "PASSWORD_VERIFIER", challengeResult: passwordOk });
      continue;
    }
    const c = fixtureEvent<CreateAuthChallengeTriggerEvent>("create-auth-challenge");
    c.request.session = structuredClone(session);
    const created = await create(c);
    const v = fixtureEvent<VerifyAuthChallengeResponseTriggerEvent>("verify-auth-challenge-response");
    v.request.privateChallengeParameters = created.response.privateChallengeParameters;
    v.request.challengeAnswer = answers.shift() ?? "";
    const verified = await verify(v);
    session.push({
      challengeName: "CUSTOM_CHALLENGE",
      challengeResult: verified.response.answerCorrect,
      challengeMetadata: created.response.challengeMetadata,
    });
  }
  throw new Error("the flow did not end");
}

describe("functions/ custom challenge (define, create, verify)", () => {
  it("right code: password, one code by email, tokens", async () => {
    const r = await signIn(["042917"]);
    assert.deepStrictEqual(r, { result: "tokens", steps: ["PASSWORD_VERIFIER", "CUSTOM_CHALLENGE"], mailer: r.mailer });
    assert.deepStrictEqual(r.mailer.sent, [
      {
        from: "no-reply@example.com",
        sourceArn: undefined,
        to: "ada@example.com",
        subject: "Your sign-in code",
        text: "Your sign-in code is 042917",
      },
    ]);
  });

  it("wrong code then right code: tokens, and the retry reuses the code already sent", async () => {
    const r = await signIn(["000000", " 042917 "]);
    assert.strictEqual(r.result, "tokens");
    assert.deepStrictEqual(r.steps, ["PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "CUSTOM_CHALLENGE"]);
    assert.strictEqual(r.mailer.sent.length, 1);
  });

  it("too many wrong codes: fails after the third", async () => {
    const r = await signIn(["1", "2", "3", "042917"]);
    assert.strictEqual(r.result, "failed");
    assert.strictEqual(r.steps.filter((s) => s === "CUSTOM_CHALLENGE").length, 3);
  });

  it("wrong password: fails before any code is sent", async () => {
    const r = await signIn(["042917"], false);
    assert.deepStrictEqual([r.result, r.mailer.sent.length], ["failed", 0]);
  });

  it("an unknown user, an empty session or a session not starting with SRP fails", async () => {
    const cases: Array<(e: DefineAuthChallengeTriggerEvent) => void> = [
      (e) => {
        e.request.userNotFound = true;
      },
      (e) => {
        e.request.session = [];
      },
      (e) => {
        e.request.session = [{ challengeName: "CUSTOM_CHALLENGE", challengeResult: true }];
      },
      (e) => {
        e.request.session = [
          { challengeName: "SRP_A", challengeResult: true },
          { challengeName: "CUSTOM_CHALLENGE", challengeResult: true },
        ];
      },
    ];
    for (const edit of cases) {
      const e = fixtureEvent<DefineAuthChallengeTriggerEvent>("define-auth-challenge");
      edit(e);
      const out = await define(e);
      assert.deepStrictEqual([out.response.issueTokens, out.response.failAuthentication], [false, true]);
    }
  });

  it("verify refuses a missing expected answer and compares exactly", async () => {
    const e = fixtureEvent<VerifyAuthChallengeResponseTriggerEvent>("verify-auth-challenge-response");
    assert.strictEqual((await verify(structuredClone(e))).response.answerCorrect, true);
    e.request.privateChallengeParameters = {};
    e.request.challengeAnswer = "";
    assert.strictEqual((await verify(e)).response.answerCorrect, false);
    assert.strictEqual(sameSecret("042917", "04291"), false);
  });

  it("create masks the address it tells the client", async () => {
    assert.strictEqual(maskEmail("ada@example.com"), "a***@example.com");
    const c = fixtureEvent<CreateAuthChallengeTriggerEvent>("create-auth-challenge");
    const out = await createAuthChallenge({ from: "x@example.com", codeLength: 6 }, { mailer: recordingMailer() })(c);
    assert.deepStrictEqual(out.response.publicChallengeParameters, { email: "a***@example.com" });
    assert.match(out.response.privateChallengeParameters.answer, /^\d{6}$/);
  });
});
