import * as sdk from "@pulumi/policy";

/** What @pulumi/policy throws when a rule reads a value that is unknown during preview. */
export interface UnknownValueError extends Error {
  /** Path of the unknown value, e.g. ["passwordPolicy", "minimumLength"]. */
  readonly props: PropertyKey[];
  readonly unknownTypeSentinel: string;
}

/**
 * @pulumi/policy 1.21 exports `unknownCheckingProxy` and `UnknownValueError` at runtime, but its
 * index.d.ts re-exports them from a proxy.d.ts that declares nothing, so they are typed here.
 */
const runtime = sdk as unknown as {
  UnknownValueError: abstract new (...args: never[]) => UnknownValueError;
  unknownCheckingProxy<T>(value: T): T;
};

export function isUnknownValueError(e: unknown): e is UnknownValueError {
  return e instanceof runtime.UnknownValueError;
}

/** Wraps props as the analyzer does: reading an unknown value throws UnknownValueError. */
export function unknownCheckingProxy<T>(value: T): T {
  return runtime.unknownCheckingProxy(value);
}
