import * as pulumi from "@pulumi/pulumi";

/** The wire marker Pulumi uses for secret values in serialized properties. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

interface WireSecret {
  [SIG_KEY]: string;
  value: unknown;
}

function isWireSecret(v: unknown): v is WireSecret {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/**
 * Reveals wire-marked secrets in a deserialized property bag and returns the
 * dotted paths where they stood, so callers can mask them when printing.
 */
export function revealWireSecrets(value: unknown, path = ""): { value: unknown; secretPaths: string[] } {
  if (isWireSecret(value)) {
    const inner = revealWireSecrets(value.value, path);
    return { value: inner.value, secretPaths: [path, ...inner.secretPaths] };
  }
  if (Array.isArray(value)) {
    const secretPaths: string[] = [];
    const out = value.map((v, i) => {
      const r = revealWireSecrets(v, `${path}[${i}]`);
      secretPaths.push(...r.secretPaths);
      return r.value;
    });
    return { value: out, secretPaths };
  }
  if (typeof value === "object" && value !== null) {
    const secretPaths: string[] = [];
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = revealWireSecrets(v, path ? `${path}.${k}` : k);
      secretPaths.push(...r.secretPaths);
      out[k] = r.value;
    }
    return { value: out, secretPaths };
  }
  return { value, secretPaths: [] };
}

/**
 * Awaits every Output inside a value (stack outputs), recording which paths were secret.
 * Unknown values (preview) come back as undefined.
 */
export async function resolveDeep(value: unknown, path = ""): Promise<{ value: unknown; secretPaths: string[] }> {
  if (pulumi.Output.isInstance(value)) {
    const output = value as pulumi.Output<unknown>;
    const [inner, secret] = await Promise.all([
      new Promise<unknown>((resolve) =>
        output.apply((v) => {
          resolve(v);
          return v;
        }),
      ),
      pulumi.isSecret(output),
    ]);
    const r = await resolveDeep(inner, path);
    return { value: r.value, secretPaths: secret ? [path, ...r.secretPaths] : r.secretPaths };
  }
  if (value instanceof Promise) return resolveDeep(await value, path);
  if (Array.isArray(value)) {
    const parts = await Promise.all(value.map((v, i) => resolveDeep(v, `${path}[${i}]`)));
    return { value: parts.map((p) => p.value), secretPaths: parts.flatMap((p) => p.secretPaths) };
  }
  if (typeof value === "object" && value !== null && !pulumi.Resource.isInstance(value)) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await resolveDeep(v, path ? `${path}.${k}` : k)] as const),
    );
    const out: Record<string, unknown> = {};
    for (const [k, r] of entries) out[k] = r.value;
    return { value: out, secretPaths: entries.flatMap(([, r]) => r.secretPaths) };
  }
  return { value, secretPaths: [] };
}

/** Replaces the values at the given dotted paths with "[secret]" (for printing). */
export function maskPaths(value: unknown, secretPaths: string[], path = ""): unknown {
  if (secretPaths.includes(path) && path !== "") return "[secret]";
  if (Array.isArray(value)) return value.map((v, i) => maskPaths(v, secretPaths, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskPaths(v, secretPaths, path ? `${path}.${k}` : k);
    return out;
  }
  return value;
}
