import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TRIGGER_NAMES, type TriggerName, type TriggersModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";

type LambdaConfig = aws.types.input.cognito.UserPoolLambdaConfig;

/** Triggers whose `lambdaConfig` field is the ARN itself; the other three take a versioned object. */
type PlainTrigger = Exclude<TriggerName, "preTokenGeneration" | "customEmailSender" | "customSmsSender">;
const PLAIN = TRIGGER_NAMES.filter(
  (n): n is PlainTrigger => n !== "preTokenGeneration" && n !== "customEmailSender" && n !== "customSmsSender",
);

/** ARNs of the functions the stack built (components/trigger-functions.ts), by trigger. */
export type BuiltTriggerArns = Partial<Record<TriggerName, pulumi.Input<string>>>;

/** `lambdaConfig` for the pool, or undefined when no trigger is configured. */
export function lambdaConfig(t: TriggersModel, built: BuiltTriggerArns = {}): LambdaConfig | undefined {
  const c: LambdaConfig = {};
  for (const k of PLAIN) if (built[k]) c[k] = built[k];
  // The built pre token generation function is V2: it sets access-token claims and scopes.
  if (built.preTokenGeneration)
    c.preTokenGenerationConfig = { lambdaArn: built.preTokenGeneration, lambdaVersion: "V2_0" };
  for (const k of PLAIN) if (t[k]) c[k] = t[k];
  if (t.preTokenGeneration) {
    if (t.preTokenGenerationVersion && t.preTokenGenerationVersion !== "V1_0") {
      c.preTokenGenerationConfig = { lambdaArn: t.preTokenGeneration, lambdaVersion: t.preTokenGenerationVersion };
    } else c.preTokenGeneration = t.preTokenGeneration;
  }
  if (t.customEmailSender) c.customEmailSender = { lambdaArn: t.customEmailSender, lambdaVersion: "V1_0" };
  if (t.customSmsSender) c.customSmsSender = { lambdaArn: t.customSmsSender, lambdaVersion: "V1_0" };
  if (t.kmsKeyId) c.kmsKeyId = t.kmsKeyId;
  return Object.keys(c).length ? c : undefined;
}

/** Distinct trigger function ARNs. */
export function triggerArns(t: TriggersModel): string[] {
  const arns = Object.entries(t)
    .filter(([k, v]) => k !== "preTokenGenerationVersion" && k !== "kmsKeyId" && typeof v === "string")
    .map(([, v]) => v as string);
  return [...new Set(arns)];
}

/**
 * One invoke permission per trigger function, scoped to this pool by `sourceArn` so no other pool
 * (or account) can invoke it through Cognito.
 */
export function triggerPermissions(
  name: string,
  t: TriggersModel,
  poolArn: pulumi.Input<string>,
  parent: pulumi.Resource,
  transform?: Transform<aws.lambda.PermissionArgs>,
): aws.lambda.Permission[] {
  return triggerArns(t).map((arn) => {
    const [, , , , , , fn, qualifier] = arn.split(":");
    return new aws.lambda.Permission(
      ...applyTransform(
        transform,
        `${name}-invoke-${fn}${qualifier ? `-${qualifier}` : ""}`,
        {
          action: "lambda:InvokeFunction",
          function: arn,
          principal: "cognito-idp.amazonaws.com",
          sourceArn: poolArn,
          // The pool's account (from its ARN), which is who invokes; the function may live elsewhere.
          sourceAccount: pulumi.output(poolArn).apply((a) => a.split(":")[4]),
        },
        { parent },
      ),
    );
  });
}
