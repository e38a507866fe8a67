import { CognitoAuth } from "./components/cognito-auth";
import { loadStackConfig, type StackModel } from "./config";

export interface ProgramOptions {
  /** Accept the committed placeholder values; only the offline runner sets it. @default false */
  allowPlaceholders?: boolean;
  /** Build this model instead of loading the stack's config (the plan judging a refused config). @default load it */
  model?: StackModel;
}

/**
 * The whole program: validate the stack's config and resolve it into the model (throws before any
 * resource exists), build one CognitoAuth component, return its outputs as the stack outputs.
 */
export async function program(options: ProgramOptions = {}): Promise<Record<string, unknown>> {
  const model = options.model ?? loadStackConfig({ allowPlaceholders: options.allowPlaceholders });
  const auth = new CognitoAuth("cognito", { model });
  return auth.outputs;
}
