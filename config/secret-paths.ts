import type { ConfigInput } from "./load";
import { joinPath } from "./paths";
import { isSecureLeaf, PROJECT } from "./stack-file";

/** Whether a config path is `root` itself or lies below it. */
export const isWithin = (path: string, root: string): boolean =>
  path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);

/** Paths of `secure:` leaves in a stack file's config map, relative to the namespace. */
function secureLeafPaths(configMap: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parts: Array<string | number>): void => {
    if (isSecureLeaf(v)) out.push(joinPath(parts));
    else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, [...parts, i]);
      });
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...parts, k]);
  };
  for (const [k, v] of Object.entries(configMap)) {
    const local = k.startsWith(`${PROJECT}:`) ? k.slice(PROJECT.length + 1) : k.includes(":") ? undefined : k;
    if (local !== undefined) walk(v, [local]);
  }
  return out;
}

/** Which config paths hold secrets, from the engine's secret keys and the files' `secure:` leaves. */
export function secretPaths(input: Pick<ConfigInput, "secretKeys" | "files">) {
  const leafPaths = [
    ...secureLeafPaths(input.files?.stackConfig ?? {}),
    ...secureLeafPaths(input.files?.projectConfig ?? {}),
  ];
  // The engine knows which whole keys are secret; a file's `secure:` leaves say which parts. A
  // secret key with no such leaf got its value elsewhere (a Pulumi ESC environment's `fn::secret`,
  // or no stack file at all), so all of it counts as secret.
  const wholeKeys = input.secretKeys
    .filter((k) => k.startsWith(`${PROJECT}:`))
    .map((k) => k.slice(PROJECT.length + 1))
    .filter((k) => !leafPaths.some((p) => isWithin(p, k)));
  const paths = [...leafPaths, ...wholeKeys];
  return {
    /** Whether a path was set as a secret (or lies inside one). */
    isSecret: (path: string): boolean => paths.some((s) => isWithin(path, s)),
    /** Whether the value at a path is, or holds, a secret (a misspelt key can hold a whole secret map). */
    holdsSecret: (path: string): boolean => paths.some((s) => isWithin(path, s) || isWithin(s, path)),
  };
}
