/**
 * What the page tells a person for each Cognito (and Amplify) error name. Amplify v6 throws an
 * AuthError whose `name` is the Cognito exception's name, so one table covers both.
 */
const MESSAGES: Record<string, string> = {
  NotAuthorizedException: "Wrong email or password, or the session has expired. Check them and try again.",
  UserNotFoundException: "No account with that email. Sign up first.",
  UserNotConfirmedException: "This account is not confirmed yet. Confirm it, then sign in.",
  UsernameExistsException: "An account with that email already exists. Sign in instead.",
  InvalidPasswordException: "The password does not meet the pool's password policy (shown above the field).",
  InvalidParameterException: "Something in the form is not valid: ",
  CodeMismatchException: "That code is wrong. Enter the current 6-digit code from your authenticator app.",
  ExpiredCodeException: "That code has expired. Use the newest code from your authenticator app.",
  EnableSoftwareTokenMFAException: "That code is wrong, so TOTP was not enabled. Try the current code.",
  SoftwareTokenMFANotFoundException: "TOTP is not set up for this account yet.",
  LimitExceededException: "Too many attempts. Wait a while and try again.",
  TooManyRequestsException: "Too many requests. Wait a moment and try again.",
  TooManyFailedAttemptsException: "Too many failed attempts. Wait a while and try again.",
  PasswordResetRequiredException: "This account needs a password reset before it can sign in.",
  UserAlreadyAuthenticatedException: "You are already signed in. Sign out first.",
  EmptySignInUsername: "Enter your email.",
  EmptySignInPassword: "Enter your password.",
  EmptySignUpUsername: "Enter your email.",
  EmptySignUpPassword: "Enter a password.",
  EmptyChallengeResponse: "Enter the 6-digit code.",
  EmulatorUnavailable: "The local emulator is not answering. Is `npm run local -- --keep` still running?",
  NetworkError: "The network request failed. Is `npm run local -- --keep` still running?",
};

/** A sentence for the person, naming the error so a developer can search for it. */
export function errorMessage(e: unknown): string {
  const name = e instanceof Error ? e.name : "Error";
  const detail = e instanceof Error ? e.message : String(e);
  const known = MESSAGES[name];
  if (!known) return `${name}: ${detail}`;
  return name === "InvalidParameterException" ? `${known}${detail} (${name})` : `${known} (${name})`;
}

export const KNOWN_ERRORS = Object.keys(MESSAGES);
