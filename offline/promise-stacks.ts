/**
 * The SDK stamps every promise it makes with `new Error().stack` (runtime/debuggable.js), only so
 * that a promise still pending at exit can be reported with where it came from. At thousands of
 * resources that capture and its formatting are a quarter of an offline run. While `f` runs, the
 * stamp is taken with no frames; every other error keeps its full stack.
 */
type DebuggablePromise = <T>(p: Promise<T>, ctx: unknown) => Promise<T>;

const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: DebuggablePromise };

export async function withoutPromiseStacks<T>(f: () => Promise<T>): Promise<T> {
  const original = debuggable.debuggablePromise;
  debuggable.debuggablePromise = <U>(p: Promise<U>, ctx: unknown): Promise<U> => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return original(p, ctx);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  try {
    return await f();
  } finally {
    debuggable.debuggablePromise = original;
  }
}
