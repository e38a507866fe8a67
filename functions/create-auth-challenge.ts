import { randomInt } from "node:crypto";
import type { CreateAuthChallengeTriggerEvent } from "aws-lambda";
import { type Mailer, sesMailer } from "./ses-client";

export interface CreateAuthChallengeSettings {
  from: string;
  sourceArn?: string;
  /** Digits in the one-time code. */
  codeLength: number;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): CreateAuthChallengeSettings {
  return { from: env.FROM ?? "", sourceArn: env.SOURCE_ARN || undefined, codeLength: Number(env.CODE_LENGTH ?? "6") };
}

const METADATA = /^CODE-(\d+)$/;

/** `a***@example.com`: enough for the user to know where the code went. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "***" : `${email[0]}***${email.slice(at)}`;
}

export interface CreateAuthChallengeDeps {
  mailer: Mailer;
  /** A random integer in [0, max); crypto.randomInt unless a test fixes it. */
  random?: (max: number) => number;
}

export function createAuthChallenge(settings: CreateAuthChallengeSettings, deps: CreateAuthChallengeDeps) {
  const random = deps.random ?? ((max: number) => randomInt(max));
  return async (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> => {
    if (event.request.challengeName !== "CUSTOM_CHALLENGE") return event;
    const email = event.request.userAttributes.email;
    if (!email) throw new Error("The user has no email address to send the code to");
    // A retry after a wrong code keeps the code already sent, so a typo does not cost another email.
    const earlier = [...event.request.session]
      .reverse()
      .map((s) => METADATA.exec(s.challengeMetadata ?? "")?.[1])
      .find((c) => c !== undefined);
    let code = earlier;
    if (code === undefined) {
      code = String(random(10 ** settings.codeLength)).padStart(settings.codeLength, "0");
      await deps.mailer.send({
        from: settings.from,
        sourceArn: settings.sourceArn,
        to: email,
        subject: "Your sign-in code",
        text: `Your sign-in code is ${code}`,
      });
    }
    event.response.publicChallengeParameters = { email: maskEmail(email) };
    event.response.privateChallengeParameters = { answer: code };
    event.response.challengeMetadata = `CODE-${code}`;
    return event;
  };
}

export const handler = createAuthChallenge(settingsFromEnv(process.env), { mailer: sesMailer() });
