/**
 * Amplify's configuration from amplify_outputs.json. Gen 2's outputs format has no endpoint keys,
 * so a file written for the emulator carries them under `custom.cognito_auth.emulator` and they are
 * copied into `Auth.Cognito` here; for a deployed stack's file this is `parseAmplifyOutputs` alone.
 */
import type { ResourcesConfig } from "@aws-amplify/core";
import { type AmplifyOutputs, parseAmplifyOutputs } from "@aws-amplify/core/internals/utils";
import type { AmplifyOutputsFile } from "../outputs/amplify-outputs";

export function amplifyConfig(outputs: AmplifyOutputsFile): ResourcesConfig {
  const config = parseAmplifyOutputs(outputs as AmplifyOutputs);
  const emulator = outputs.custom?.cognito_auth?.emulator;
  const cognito = config.Auth?.Cognito;
  if (!cognito) throw new Error("amplify_outputs.json has no auth section");
  if (!emulator) return config;
  // Object.assign because Amplify's config type is a strict union the spread of one branch cannot satisfy.
  Object.assign(cognito, {
    userPoolEndpoint: emulator.user_pool_endpoint,
    ...(cognito.identityPoolId ? { identityPoolEndpoint: emulator.identity_pool_endpoint } : {}),
  });
  return config;
}
