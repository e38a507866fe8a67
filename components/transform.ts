import type * as pulumi from "@pulumi/pulumi";

/**
 * Changes a child resource's args before it is created: either an object merged over the args, or
 * a function that edits args (and options) in place. The escape hatch for anything config does not
 * cover, without forking the component.
 *
 * @example
 * { userPool: { userPoolAddOns: { advancedSecurityMode: "AUDIT" } } }
 * { client: (args, opts, name) => { if (name.endsWith("-web")) args.idTokenValidity = 30; } }
 */
export type Transform<T> = Partial<T> | ((args: T, opts: pulumi.CustomResourceOptions, name: string) => void);

/** Applies a transform to a child's args and options; returns what the child should be created with. */
export function applyTransform<T extends object>(
  transform: Transform<T> | undefined,
  name: string,
  args: T,
  opts: pulumi.CustomResourceOptions,
): [string, T, pulumi.CustomResourceOptions] {
  if (transform === undefined) return [name, args, opts];
  if (typeof transform === "function") {
    transform(args, opts, name);
    return [name, args, opts];
  }
  return [name, { ...args, ...transform }, opts];
}
