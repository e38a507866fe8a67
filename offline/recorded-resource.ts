/** One resource the program registered, as the offline runner saw it. */
export interface RecordedResource {
  /** Pulumi type token, e.g. `aws:cognito/userPool:UserPool`. */
  type: string;
  /** Logical name. */
  name: string;
  /** URN as the engine mints it (type qualified by the parent chain, `Parent$Child`). */
  urn: string;
  /** `type::name` of the parent resource; undefined for children of the stack. */
  parent?: string;
  /** True for custom (cloud) resources, false for components. */
  custom: boolean;
  /** Inputs with secrets revealed; `secretPaths` says which were secret. */
  inputs: Record<string, unknown>;
  /** Dotted paths (`providerDetails.client_secret`) of inputs that were Pulumi secrets. */
  secretPaths: string[];
  /** Physical id the backend returned. */
  id?: string;
  /** State the backend returned (inputs plus computed attributes). */
  state: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  /**
   * Property paths of the `ignoreChanges` option (`providerDetails.private_key`). Always set by the
   * runner; optional so that records built by hand (tests, fixtures) need not spell it out.
   */
  ignoreChanges?: string[];
  /** `type::name` of explicit `dependsOn` resources. */
  dependsOn: string[];
  /** `type::name` of an explicit provider, if any. */
  provider?: string;
}

/** `type::name`: how a recorded resource is referred to. */
export function resourceKey(r: { type: string; name: string }): string {
  return `${r.type}::${r.name}`;
}

/**
 * A resource's type as the engine puts it in a URN: qualified by its parents' types
 * (`cognito-auth:index:CognitoAuth$aws:cognito/userPool:UserPool`), the stack itself excluded.
 * `parentOf` gives a resource's parent key (`type::name`) by key.
 */
export function qualifiedType(key: string, type: string, parentOf: (key: string) => string | undefined): string {
  const seen = new Set<string>();
  let qualified = type;
  for (let parent = parentOf(key); parent !== undefined && !seen.has(parent); parent = parentOf(parent)) {
    seen.add(parent);
    qualified = `${parent.split("::")[0]}$${qualified}`;
  }
  return qualified;
}
