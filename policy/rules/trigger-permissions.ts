import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import type { CognitoRule } from "./common";
import { boolean, readConfig, schemaOf } from "./knobs";
import { tryRead } from "./links";

const knobs = {
  requireSourceAccount: boolean(false, "Also require sourceAccount on the permission."),
};

/**
 * A Lambda trigger's invoke permission for Cognito names the pool (sourceArn). Without it, any user
 * pool in any account that learns the function ARN can invoke it (confused deputy).
 */
export const triggerInvokeScoped: CognitoRule = {
  name: "cognito-trigger-invoke-scoped",
  description:
    "Lambda permissions that let cognito-idp.amazonaws.com invoke a trigger are scoped to one user pool by sourceArn (no wildcards), so no other pool can invoke the function.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:lambda-resource-based-policies", "aws-docs:confused-deputy"],
  remediationSteps:
    "Set sourceArn to the user pool's ARN (and sourceAccount to its account) on the aws.lambda.Permission.",
  configSchema: schemaOf(knobs),
  validateResource: validateResourceOfType(aws.lambda.Permission, (perm, args, report) => {
    const { requireSourceAccount } = readConfig(knobs, args);
    if (String(perm.principal).toLowerCase() !== "cognito-idp.amazonaws.com")
      return args.notApplicable("the permission is not for cognito-idp.amazonaws.com");
    // The pool ARN is unknown during preview; an unknown sourceArn is still set to some resource's ARN.
    const source = tryRead(() => perm.sourceArn);
    if (source.unknown === undefined) {
      const arn = source.value;
      if (typeof arn !== "string" || arn === "")
        report(
          `Cognito may invoke this function from any user pool: sourceArn is not set. Fix: set sourceArn to the pool's ARN.`,
        );
      else if (arn.includes("*") || !/:userpool\//.test(arn))
        report(
          `sourceArn ${arn} is not a single user pool ARN. Fix: set sourceArn on aws.lambda.Permission to the pool's arn.`,
        );
    }
    if (requireSourceAccount && (perm.sourceAccount === undefined || perm.sourceAccount === ""))
      report(`sourceAccount is not set. Fix: set sourceAccount on aws.lambda.Permission to the pool's account id.`);
  }),
};
