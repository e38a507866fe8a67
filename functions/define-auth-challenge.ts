import type { DefineAuthChallengeTriggerEvent } from "aws-lambda";

export interface DefineAuthChallengeSettings {
  /** Wrong codes allowed before the sign-in fails. */
  maxAttempts: number;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): DefineAuthChallengeSettings {
  return { maxAttempts: Number(env.MAX_ATTEMPTS ?? "3") };
}

/**
 * The flow: SRP password check (SRP_A, PASSWORD_VERIFIER), then a one-time code by email
 * (CUSTOM_CHALLENGE) with up to `maxAttempts` tries. Anything else fails the sign-in.
 */
export function defineAuthChallenge(settings: DefineAuthChallengeSettings) {
  return async (event: DefineAuthChallengeTriggerEvent): Promise<DefineAuthChallengeTriggerEvent> => {
    const session = event.request.session;
    const next = (challengeName?: string, issueTokens = false, failAuthentication = false) => {
      event.response.challengeName = challengeName as string;
      event.response.issueTokens = issueTokens;
      event.response.failAuthentication = failAuthentication;
      return event;
    };
    if (event.request.userNotFound) return next(undefined, false, true);
    const last = session.at(-1);
    if (!last) return next(undefined, false, true);
    if (session.length === 1) {
      return last.challengeName === "SRP_A" ? next("PASSWORD_VERIFIER") : next(undefined, false, true);
    }
    if (session[0].challengeName !== "SRP_A" || session[1].challengeName !== "PASSWORD_VERIFIER")
      return next(undefined, false, true);
    if (!session[1].challengeResult) return next(undefined, false, true);
    const codes = session.slice(2);
    if (codes.some((c) => c.challengeName !== "CUSTOM_CHALLENGE")) return next(undefined, false, true);
    if (codes.at(-1)?.challengeResult === true) return next(undefined, true, false);
    if (codes.length >= settings.maxAttempts) return next(undefined, false, true);
    return next("CUSTOM_CHALLENGE");
  };
}

export const handler = defineAuthChallenge(settingsFromEnv(process.env));
