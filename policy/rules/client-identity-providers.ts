import type { PolicyResource } from "@pulumi/policy";
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

/**
 * A client naming a provider the stack does not define fails at deploy time, or worse, silently
 * trusts a provider someone else configured on the pool by hand.
 */
export const clientIdentityProviders: CognitoRule = {
  name: "cognito-client-identity-providers-defined",
  description:
    "Every identity provider an app client lists in supportedIdentityProviders is defined in the stack (an aws.cognito.IdentityProvider of the same pool), COGNITO excepted.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["cognito-auth:federation"],
  remediationSteps:
    "Define the provider with aws.cognito.IdentityProvider (providerName equal to the listed name), or remove it from the client.",
  configSchema: schemaOf(knobs),
  validateStack: (args, report) => {
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
        report(
          `App client ${client.name} lists identity provider ${JSON.stringify(name)}, which this stack does not define. Fix: add it under identityProviders, or remove it from the client (cognito-auth: clients.<key>.identityProviders).`,
          client.urn,
        );
      }
    }
    if (unknown) throw unknown;
  },
};
