/**
 * Retries a call that Cognito throttled (TooManyRequestsException, ThrottlingException) with exponential
 * backoff and full jitter. Anything else fails at once: a wrong answer must not be retried away.
 */

/**
 * LimitExceededException is not here: Cognito uses it for quotas that waiting does not lift (too many
 * users, groups, clients ...), so retrying it would only hide the failure.
 */
export const THROTTLING_ERRORS: readonly string[] = ["TooManyRequestsException", "ThrottlingException"];

export interface BackoffOptions {
  /** Retries after the first attempt. @default 5 */
  retries?: number;
  /** First delay ceiling in ms; doubles each retry. @default 200 */
  baseMs?: number;
  /** Largest delay ceiling in ms. @default 5000 */
  maxMs?: number;
  /** Which errors to retry. @default throttling errors by name */
  retryable?: (e: unknown) => boolean;
  /** Called before each wait (for logs and tests). */
  onRetry?: (attempt: number, delayMs: number, e: unknown) => void;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1). @default Math.random */
  random?: () => number;
  /** Stops waiting when aborted (the emulator died, the run is over). */
  signal?: AbortSignal;
}

export function errorName(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && typeof (e as { name?: unknown }).name === "string"
    ? (e as { name: string }).name
    : undefined;
}

export const isThrottling = (e: unknown): boolean => THROTTLING_ERRORS.includes(errorName(e) ?? "");

/** The ceiling for the n-th retry (0-based): base * 2^n, capped. */
export function backoffCeiling(retry: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** retry);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function withBackoff<T>(fn: () => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  const retries = o.retries ?? 5;
  const retryable = o.retryable ?? isThrottling;
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= retries || !retryable(e) || o.signal?.aborted) throw e;
      const delay = Math.floor(random() * backoffCeiling(attempt, o.baseMs ?? 200, o.maxMs ?? 5000));
      o.onRetry?.(attempt + 1, delay, e);
      await sleep(delay);
    }
  }
}
