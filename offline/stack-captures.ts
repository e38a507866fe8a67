/**
 * Bookkeeping the SDK does for every promise and resource that nothing offline reads, and that costs
 * a third of an offline run, at dozens of resources as at thousands:
 * - each promise is stamped with an id, a context and `new Error().stack` (runtime/debuggable.js),
 *   only so that a promise still pending at exit can be reported with where it came from;
 * - each resource captures the whole call stack (`Resource.callsites`, with `Error.stackTraceLimit`
 *   at Infinity) for the source position the engine shows in the Pulumi Cloud console. Under the
 *   TypeScript loader each capture also maps every frame through source maps.
 * While `f` runs, promises are still tracked as leak candidates, so a program that leaves one
 * pending fails the process at exit as under `pulumi up`, but unstamped; resources carry no source
 * position. Every other error keeps its full stack, and `pulumi up` never comes through here.
 */
import * as pulumi from "@pulumi/pulumi";

type DebuggablePromise = <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
type Callsite = { file?: string; line?: number; column?: number };

const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: DebuggablePromise };
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { leakCandidates: Set<Promise<unknown>> } };
const resourceClass = pulumi.Resource as unknown as { callsites(): Callsite[] };

/** The SDK's own wrapper installs the exit-time leak report on its first call; later calls skip the stamp. */
let reportInstalled = false;

function tracked<T>(p: Promise<T>): Promise<T> {
  const candidates = state.getStore().leakCandidates;
  candidates.add(p);
  return p.then(
    (v) => {
      candidates.delete(p);
      return v;
    },
    (e: unknown) => {
      candidates.delete(p);
      throw e;
    },
  );
}

export async function withoutStackCaptures<T>(f: () => Promise<T>): Promise<T> {
  const original = debuggable.debuggablePromise;
  const callsites = resourceClass.callsites;
  debuggable.debuggablePromise = <U>(p: Promise<U>, ctx: unknown): Promise<U> => {
    if (reportInstalled) return tracked(p);
    reportInstalled = true;
    return original(p, ctx);
  };
  resourceClass.callsites = () => [];
  try {
    return await f();
  } finally {
    debuggable.debuggablePromise = original;
    resourceClass.callsites = callsites;
  }
}
