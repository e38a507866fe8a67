import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";

export interface PreTokenGenerationSettings {
  /** Claims added to both the ID and the access token. */
  claims: Record<string, string>;
  /** Scopes (`<resource server>/<scope>`) added to the access token of each group's members. */
  groupScopes: Record<string, string[]>;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): PreTokenGenerationSettings {
  return { claims: JSON.parse(env.CLAIMS ?? "{}"), groupScopes: JSON.parse(env.GROUP_SCOPES ?? "{}") };
}

export function preTokenGeneration(settings: PreTokenGenerationSettings) {
  return async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
    const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
    const scopes = [...new Set(groups.flatMap((g) => settings.groupScopes[g] ?? []))].sort();
    event.response = {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { ...settings.claims } },
        accessTokenGeneration: {
          claimsToAddOrOverride: { ...settings.claims },
          ...(scopes.length ? { scopesToAdd: scopes } : {}),
        },
      },
    };
    return event;
  };
}

export const handler = preTokenGeneration(settingsFromEnv(process.env));
