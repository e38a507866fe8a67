import { CognitoAuth } from "./components/cognito-auth";
import { loadStackConfig } from "./config";

export interface ProgramOptions {
  /** Accept the committed placeholder values; only the offline runner sets it. @default false */
  allowPlaceholders?: boolean;
}

/**
 * The whole program: validate the stack's config and resolve it into the model (throws before any
 * resource exists), build one CognitoAuth component, return its outputs as the stack outputs.
 */
export async function program(options: ProgramOptions = {}): Promise<Record<string, unknown>> {
  const model = loadStackConfig({ allowPlaceholders: options.allowPlaceholders });
  const auth = new CognitoAuth("cognito", { model });
  return auth.outputs;
}
