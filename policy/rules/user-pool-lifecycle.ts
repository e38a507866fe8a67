import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, PRODUCTION_KNOBS, productionReason, show, upper } from "./common";
import { readConfig, schemaOf } from "./knobs";

/** U10: Cognito's own deletion protection. */
export const deletionProtection: CognitoRule = {
  name: "cognito-user-pool-deletion-protection",
  description: "User pools have deletion protection ACTIVE: deleting a pool deletes every user and cannot be undone.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: [
    "securityhub:Cognito.6",
    "config:cognito-user-pool-deletion-protection-enabled",
    "prowler:cognito_user_pool_deletion_protection_enabled",
  ],
  remediationSteps: 'Set deletionProtection "ACTIVE".',
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, _args, report) => {
    if (upper(pool.deletionProtection) === "ACTIVE") return;
    const was =
      pool.deletionProtection === undefined ? "not set (the API default is INACTIVE)" : show(pool.deletionProtection);
    report(
      `deletionProtection is ${was}. Fix: set deletionProtection "ACTIVE" (on aws.cognito.UserPool; cognito-auth key: pool.deletionProtection).`,
    );
  }),
};

/**
 * Production pools also carry Pulumi `protect`, so a `pulumi destroy` or a replacing change stops
 * before the engine even asks AWS. Checked on the pool before it is created (`opts.protect` and the
 * pool's own tags are both visible to a resource rule); a stack rule would run only after
 * `pulumi up` had created it (pulumi/pulumi#3366).
 */
export const protectInProduction: CognitoRule = {
  name: "cognito-user-pool-protect-in-production",
  description:
    "In production (stack tag, stack name, or the pool's own tag), user pools carry the Pulumi protect resource option, so no destroy or replacement can delete them. Checked before the pool is created.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["cognito-auth:protect"],
  remediationSteps: "Pass { protect: true } (and retainOnDelete: true) to the user pool's resource options.",
  configSchema: schemaOf(PRODUCTION_KNOBS),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, args, report) => {
    if (args.opts.protect) return;
    const why = productionReason(readConfig(PRODUCTION_KNOBS, args), args.stackTags, [args.urn], () => pool.tags);
    if (why === undefined) return;
    report(
      `User pool ${args.name} is production because ${why}, but not protected. Fix: give the aws.cognito.UserPool the resource option { protect: true } (cognito-auth key: pool.protect true).`,
    );
  }),
};
