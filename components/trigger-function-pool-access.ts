import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "./bundled-function";
import { applyTransform, type Transform } from "./transform";
import type { TriggerFunctions } from "./trigger-functions";

export interface TriggerFunctionPoolAccessArgs {
  functions: TriggerFunctions;
  userPoolArn: pulumi.Input<string>;
  transform?: {
    permission?: Transform<aws.lambda.PermissionArgs>;
    policy?: Transform<aws.iam.RolePolicyArgs>;
  };
}

/**
 * What needs the pool to exist: each built function's invoke permission for this pool only, and
 * the post-confirmation role's AdminAddUserToGroup on this pool's ARN. A policy on the role (not
 * an environment variable on the function) so the function never depends on the pool that
 * depends on it.
 */
export class TriggerFunctionPoolAccess extends pulumi.ComponentResource {
  readonly permissions: aws.lambda.Permission[] = [];
  readonly addToGroupPolicy?: aws.iam.RolePolicy;

  constructor(name: string, args: TriggerFunctionPoolAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:TriggerFunctionPoolAccess", name, {}, opts);
    const t = args.transform ?? {};
    const poolAccount = pulumi.output(args.userPoolArn).apply((a) => a.split(":")[4]);
    for (const [trigger, fn] of Object.entries(args.functions.functions)) {
      if (!fn) continue;
      this.permissions.push(
        new aws.lambda.Permission(
          ...applyTransform(
            t.permission,
            `${name}-invoke-${trigger}`,
            {
              action: "lambda:InvokeFunction",
              function: fn.function.name,
              principal: "cognito-idp.amazonaws.com",
              sourceArn: args.userPoolArn,
              sourceAccount: poolAccount,
            },
            { parent: this },
          ),
        ),
      );
    }
    const post = args.functions.functions.postConfirmation;
    if (post) {
      this.addToGroupPolicy = new aws.iam.RolePolicy(
        ...applyTransform(
          t.policy,
          `${name}-add-to-group`,
          {
            role: post.role.id,
            policy: policyDocument([
              {
                sid: "AddToGroupInThisPool",
                actions: ["cognito-idp:AdminAddUserToGroup"],
                resources: [args.userPoolArn],
              },
            ]),
          },
          { parent: this },
        ),
      );
    }
    this.registerOutputs({});
  }
}
