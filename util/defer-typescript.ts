/**
 * `@pulumi/pulumi` requires the TypeScript compiler (9 MB of JavaScript) when it loads, for closure
 * serialization (`runtime/closure/parseFunction`), which only dynamic providers and serialized
 * callbacks use; this project uses neither. Loading it is a third of the SDK's start. A CLI imports
 * this module first, before anything loads the SDK: `typescript` is then a stand-in that loads the
 * real compiler on its first use, so behaviour is the same and only the cost moves to where it is
 * needed. Under a TypeScript loader that has loaded the compiler already, it does nothing.
 */
import Module from "node:module";
import * as path from "node:path";

/** Marks the stand-in, for tests. */
export const DEFERRED = Symbol.for("cognito-auth.deferred-typescript");

/** Makes `require("typescript")`, as the SDK resolves it, load on first use. False when it could not (already loaded, or absent). */
export function deferTypeScript(): boolean {
  let resolved: string;
  try {
    const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    resolved = require.resolve("typescript", { paths: [sdk] });
  } catch {
    return false;
  }
  if (require.cache[resolved]) return false;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (!real) {
      delete require.cache[resolved];
      real = require(resolved) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const standIn = new Module(resolved);
  standIn.filename = resolved;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, k) => (k === DEFERRED ? real === undefined : Reflect.get(load(), k)),
      set: (_, k, v) => Reflect.set(load(), k, v),
      defineProperty: (_, k, d) => Reflect.defineProperty(load(), k, d),
      deleteProperty: (_, k) => Reflect.deleteProperty(load(), k),
      has: (_, k) => k in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, k) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), k);
        return d && { ...d, configurable: true };
      },
    },
  );
  require.cache[resolved] = standIn;
  return true;
}

/** Importing this module defers it: true when it did. */
export const typeScriptDeferred = deferTypeScript();
