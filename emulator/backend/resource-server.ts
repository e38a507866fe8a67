/** `aws.cognito.ResourceServer` inputs -> CreateResourceServer. */

import type { CreateResourceServerCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import type * as aws from "@pulumi/aws";
import { type Resolved, required } from "./convert";

export type ResourceServerInputs = Resolved<aws.cognito.ResourceServerArgs>;

export function resourceServerCommand(i: ResourceServerInputs): CreateResourceServerCommandInput {
  const identifier = required(i.identifier, "identifier");
  return {
    UserPoolId: required(i.userPoolId, "userPoolId"),
    Identifier: identifier,
    // The provider defaults the name to the identifier; the API requires one.
    Name: i.name ?? identifier,
    Scopes: i.scopes?.map((s) => ({ ScopeName: s.scopeName, ScopeDescription: s.scopeDescription })),
  };
}

/** `<identifier>/<scope>` for each scope: the provider's computed `scopeIdentifiers`. */
export function scopeIdentifiers(i: ResourceServerInputs): string[] {
  return (i.scopes ?? []).map((s) => `${i.identifier}/${s.scopeName}`);
}
