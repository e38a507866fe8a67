import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { type CognitoRule, upper } from "./common";
import { schemaOf } from "./knobs";

/**
 * Email through the team's own SES identity. Cognito's default sender is capped at a few dozen
 * messages a day and cannot be monitored, so in production codes and invitations stop arriving.
 */
export const sesEmail: CognitoRule = {
  name: "cognito-user-pool-ses-email",
  description:
    "User pools send email through SES (emailConfiguration.emailSendingAccount DEVELOPER): Cognito's default sender has a small daily cap, a shared reputation and no monitoring.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["aws-docs:user-pool-email"],
  remediationSteps:
    'Set emailConfiguration { emailSendingAccount: "DEVELOPER", sourceArn: <verified SES identity>, fromEmailAddress }.',
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.UserPool, (pool, _args, report) => {
    const account = upper(pool.emailConfiguration?.emailSendingAccount);
    if (account === "DEVELOPER") return;
    report(
      `Email is sent by Cognito's default sender (emailSendingAccount ${account ?? "not set"}), which is capped per day. Fix: use a verified SES identity with emailSendingAccount "DEVELOPER" (emailConfiguration on aws.cognito.UserPool; cognito-auth key: messaging.email).`,
    );
  }),
};
