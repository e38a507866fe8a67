import type { PreSignUpTriggerEvent } from "aws-lambda";
import { emailDomain } from "./email-domain";

/** What the pre sign-up function allows; set by components/trigger-functions.ts through the environment. */
export interface PreSignUpSettings {
  /** Email domains that may sign up, compared exactly (lower case). */
  allowedDomains: string[];
  /** Domains whose users are confirmed (and their email verified) without a code; only ever set in dev. */
  autoConfirmDomains: string[];
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): PreSignUpSettings {
  const list = (v: string | undefined) =>
    (v ?? "")
      .split(",")
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean);
  return { allowedDomains: list(env.ALLOWED_DOMAINS), autoConfirmDomains: list(env.AUTO_CONFIRM_DOMAINS) };
}

export function preSignUp(settings: PreSignUpSettings) {
  return async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    const domain = emailDomain(event.request.userAttributes.email);
    // Exact comparison: endsWith("example.com") would also let evil-example.com through.
    if (domain === undefined || !settings.allowedDomains.includes(domain))
      throw new Error("Sign-up is not open to this email domain");
    // An identity provider's email is only as good as its email_verified: anyone can claim a listed domain.
    if (event.triggerSource === "PreSignUp_ExternalProvider" && event.request.userAttributes.email_verified !== "true")
      throw new Error("Sign-up is not open to an email the identity provider did not verify");
    if (event.triggerSource !== "PreSignUp_ExternalProvider" && settings.autoConfirmDomains.includes(domain)) {
      event.response.autoConfirmUser = true;
      event.response.autoVerifyEmail = true;
    }
    return event;
  };
}

export const handler = preSignUp(settingsFromEnv(process.env));
