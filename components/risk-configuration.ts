import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { MessagingModel, PoolModel } from "../config/model";

type RiskArgs = aws.cognito.RiskConfigurationArgs;

/**
 * Threat-protection actions for the pool: block compromised credentials, and act on account-takeover
 * risk per level with notification emails sent through the stack's SES sender.
 */
export function riskConfigurationArgs(
  userPoolId: pulumi.Input<string>,
  risk: NonNullable<PoolModel["riskConfiguration"]>,
  email: MessagingModel["email"],
  sesSourceArn: pulumi.Input<string> | undefined,
): RiskArgs {
  const ato = risk.accountTakeoverRiskConfiguration;
  const notify = ato.notifyConfiguration;
  // Risk notifications take a bare, SES-verified address; the pool's sender may be `Name <addr>`.
  const from = notify?.from ?? email.senderAddress;
  const sourceArn = notify?.sourceArn ?? sesSourceArn;
  return {
    userPoolId,
    compromisedCredentialsRiskConfiguration: {
      actions: { eventAction: risk.compromisedCredentialsRiskConfiguration.eventAction },
      eventFilters: risk.compromisedCredentialsRiskConfiguration.eventFilters,
    },
    accountTakeoverRiskConfiguration: {
      actions: ato.actions,
      notifyConfiguration: sourceArn
        ? { sourceArn, from, replyTo: notify?.replyTo ?? email.replyToEmailAddress }
        : undefined,
    },
  };
}
