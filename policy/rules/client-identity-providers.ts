import type { PolicyResource, StackValidation } from "@pulumi/policy";
import { asArray, type CognitoRule } from "./common";
import { list, readConfig, schemaOf } from "./knobs";
import { ofType, tryRead } from "./links";
import { T } from "./types";
import type { UnknownValueError } from "./unknowns";

const CLIENTS = [T.userPoolClient, T.managedUserPoolClient];
const IDP = T.identityProvider;

const knobs = {
  builtInProviders: list(["COGNITO"], "Provider names that need no IdentityProvider resource."),
};

/** Whether the client and the provider belong to the same pool, as far as preview can tell. */
function samePool(client: PolicyResource, idp: PolicyResource): boolean {
  const a = tryRead(() => client.props.userPoolId);
  const b = tryRead(() => idp.props.userPoolId);
  return typeof a.value !== "string" || typeof b.value !== "string" || a.value === b.value;
}

function idpName(idp: PolicyResource): string | undefined {
  const name = tryRead(() => idp.props.providerName);
  return typeof name.value === "string" ? name.value : undefined;
}

/**
 * Checks every client's providers. `other-pool` reports a provider the stack defines only for
 * another pool (a real error); `outside-stack` reports one the stack does not define at all, which
 * may be created elsewhere (another stack, the console), so the pack cannot judge it.
 */
function checkProviders(mode: "other-pool" | "outside-stack"): StackValidation {
  return (args, report) => {
    const { builtInProviders } = readConfig(knobs, args);
    const clients = ofType(args.resources, ...CLIENTS);
    if (clients.length === 0) return args.notApplicable("the stack has no app client");
    const idps = ofType(args.resources, IDP);
    // A client that sets no providers has them computed, unknown during preview: the other
    // clients are still checked, and the first unknown list is rethrown at the end.
    let unknown: UnknownValueError | undefined;
    for (const client of clients) {
      const listed = tryRead(() => asArray(client.props.supportedIdentityProviders).map(String));
      if (listed.value === undefined) {
        unknown = unknown ?? listed.unknown;
        continue;
      }
      const mine = idps.filter((i) => samePool(client, i));
      const known = new Set<string>();
      const pending: PolicyResource[] = [];
      for (const idp of mine) {
        const name = tryRead(() => idp.props.providerName);
        if (typeof name.value === "string") known.add(name.value);
        else if (name.unknown) pending.push(idp);
      }
      const linked = new Set([
        ...(client.propertyDependencies.supportedIdentityProviders ?? []),
        ...client.dependencies,
      ]);
      for (const name of listed.value) {
        if (builtInProviders.includes(name) || known.has(name)) continue;
        // During preview a provider's name may be unknown; the client depending on it links them.
        if (pending.some((p) => linked.has(p))) continue;
        const otherPool = idps.some((i) => !mine.includes(i) && idpName(i) === name);
        if (otherPool !== (mode === "other-pool")) continue;
        report(
          otherPool
            ? `App client ${client.name} lists identity provider ${JSON.stringify(name)} (supportedIdentityProviders on aws.cognito.UserPoolClient), which this stack defines only for another user pool. Fix: create an aws.cognito.IdentityProvider with that providerName on the client's userPoolId, or remove it from supportedIdentityProviders (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.identityProviders).`
            : `Cannot judge: app client ${client.name} lists identity provider ${JSON.stringify(name)} (supportedIdentityProviders on aws.cognito.UserPoolClient), which this stack does not define; it may be created elsewhere. If it is not, define an aws.cognito.IdentityProvider with providerName ${JSON.stringify(name)}, or remove it from the list (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.identityProviders).`,
          client.urn,
        );
      }
    }
    if (unknown) throw unknown;
  };
}

/** A client naming a provider the stack defines for another pool fails at deploy time. */
export const clientIdentityProviders: CognitoRule = {
  name: "cognito-client-identity-providers-defined",
  description:
    "No app client lists, in supportedIdentityProviders, an identity provider the stack defines only for another user pool (COGNITO excepted). Providers not in the stack at all: cognito-client-identity-providers-outside-stack.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["aws-docs:cognito-user-pools-identity-federation"],
  remediationSteps:
    "Define the provider with aws.cognito.IdentityProvider (providerName equal to the listed name) on the client's userPoolId, or remove it from supportedIdentityProviders on aws.cognito.UserPoolClient.",
  configSchema: schemaOf(knobs),
  validateStack: checkProviders("other-pool"),
};

/**
 * A provider the stack does not define may exist anyway (created by another stack or by hand), or
 * may be a typo that silently trusts whatever someone configures later: advisory, "cannot judge".
 */
export const clientIdentityProvidersOutsideStack: CognitoRule = {
  name: "cognito-client-identity-providers-outside-stack",
  description:
    "Reports (advisory) each identity provider an app client lists that the stack does not define (COGNITO excepted): the pack cannot judge a provider created elsewhere.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["aws-docs:cognito-user-pools-identity-federation"],
  remediationSteps:
    "If the provider is created in another stack, nothing to fix. Otherwise define it with aws.cognito.IdentityProvider (providerName equal to the listed name), or remove it from supportedIdentityProviders on aws.cognito.UserPoolClient.",
  configSchema: schemaOf(knobs),
  validateStack: checkProviders("outside-stack"),
};
