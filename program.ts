import { CognitoAuth } from "./components/cognito-auth";
import { loadStackConfig } from "./config";

/**
 * The whole program: validate the stack's config (throws before any resource exists), build one
 * CognitoAuth component, return its outputs as the stack outputs.
 */
export async function program(): Promise<Record<string, unknown>> {
  const config = loadStackConfig();
  const auth = new CognitoAuth("cognito", { config });
  return auth.outputs;
}
