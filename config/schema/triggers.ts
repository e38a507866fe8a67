import { z } from "zod";
import { triggerFunctionsConfig } from "./trigger-functions";

const lambdaArn = z
  .string()
  .regex(/^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/, "must be a Lambda function ARN");

/** Lambda triggers by ARN. Each gets a `lambda.Permission` scoped to this pool. */
export const triggersConfig = z.strictObject({
  preSignUp: lambdaArn.optional(),
  postConfirmation: lambdaArn.optional(),
  preAuthentication: lambdaArn.optional(),
  postAuthentication: lambdaArn.optional(),
  customMessage: lambdaArn.optional(),
  defineAuthChallenge: lambdaArn.optional(),
  createAuthChallenge: lambdaArn.optional(),
  verifyAuthChallengeResponse: lambdaArn.optional(),
  userMigration: lambdaArn.optional(),
  preTokenGeneration: lambdaArn.optional(),
  /** V1_0 (ID token only) or V2_0/V3_0 (access token customisation). @default V1_0 */
  preTokenGenerationVersion: z.enum(["V1_0", "V2_0", "V3_0"]).optional(),
  customEmailSender: lambdaArn.optional(),
  customSmsSender: lambdaArn.optional(),
  /** KMS key ARN the custom senders decrypt codes with; required with either sender. */
  kmsKeyId: z.string().startsWith("arn:aws").optional(),
  /** Functions the stack builds and wires itself (config/schema/trigger-functions.ts). @default none */
  functions: triggerFunctionsConfig.optional(),
});

export type TriggersConfig = z.infer<typeof triggersConfig>;
export type TriggerName = Exclude<keyof TriggersConfig, "preTokenGenerationVersion" | "kmsKeyId" | "functions">;

/** Every trigger a pool (and so each replica region) can run. */
export const TRIGGER_NAMES: readonly TriggerName[] = [
  "preSignUp",
  "postConfirmation",
  "preAuthentication",
  "postAuthentication",
  "customMessage",
  "defineAuthChallenge",
  "createAuthChallenge",
  "verifyAuthChallengeResponse",
  "userMigration",
  "preTokenGeneration",
  "customEmailSender",
  "customSmsSender",
];
