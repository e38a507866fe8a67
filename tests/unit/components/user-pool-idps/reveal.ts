import * as pulumi from "@pulumi/pulumi";

/** Test helper (not a test): awaits a provider-details map and says which keys were Pulumi secrets. */
export async function reveal(
  details: Record<string, pulumi.Input<string>>,
): Promise<{ values: Record<string, string>; secret: string[] }> {
  const values: Record<string, string> = {};
  const secret: string[] = [];
  for (const [k, v] of Object.entries(details)) {
    const out = pulumi.output(v);
    values[k] = await new Promise<string>((resolve) =>
      out.apply((x) => {
        resolve(x);
        return x;
      }),
    );
    if (await pulumi.isSecret(out)) secret.push(k);
  }
  return { values, secret };
}
