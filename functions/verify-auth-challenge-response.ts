import { createHash, timingSafeEqual } from "node:crypto";
import type { VerifyAuthChallengeResponseTriggerEvent } from "aws-lambda";

/** Equal-length digests, so the comparison takes the same time whatever the answer's length or content. */
export function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(h(a), h(b));
}

export async function handler(
  event: VerifyAuthChallengeResponseTriggerEvent,
): Promise<VerifyAuthChallengeResponseTriggerEvent> {
  const expected = event.request.privateChallengeParameters?.answer;
  const given = (event.request.challengeAnswer ?? "").trim();
  event.response.answerCorrect = expected !== undefined && expected !== "" && sameSecret(given, expected);
  return event;
}
