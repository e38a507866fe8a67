import * as assert from "node:assert";
import { riskConfigurationArgs } from "../../../components/risk-configuration";
import type { MessagingModel, PoolModel } from "../../../config/model";
import { resolveMessaging } from "../../../config/model/messaging";

type Risk = NonNullable<PoolModel["riskConfiguration"]>;
type Notify = { sourceArn: string; from?: string; replyTo?: string };

const risk = (notifyConfiguration?: Risk["accountTakeoverRiskConfiguration"]["notifyConfiguration"]): Risk => ({
  compromisedCredentialsRiskConfiguration: { eventAction: "BLOCK", eventFilters: ["SIGN_IN"] },
  accountTakeoverRiskConfiguration: {
    actions: {
      lowAction: { eventAction: "NO_ACTION", notify: true },
      mediumAction: { eventAction: "MFA_IF_CONFIGURED", notify: true },
      highAction: { eventAction: "BLOCK", notify: true },
    },
    notifyConfiguration,
  },
});
const email = (fromEmailAddress?: string): MessagingModel["email"] =>
  resolveMessaging(
    {
      email: { emailSendingAccount: "DEVELOPER", fromEmailAddress, replyToEmailAddress: "help@example.com" },
      sms: { enabled: false },
    },
    "us-east-1",
  ).email;
const ARN = "arn:aws:ses:us-east-1:123456789012:identity/example.com";
/** The args are built from plain values here, so the notify configuration is a plain object. */
const notifyOf = (args: ReturnType<typeof riskConfigurationArgs>): Notify | undefined =>
  (args.accountTakeoverRiskConfiguration as { notifyConfiguration?: Notify } | undefined)?.notifyConfiguration;

describe("components/risk-configuration", () => {
  it("notifies from the bare address of a `Name <address>` sender", () => {
    const n = notifyOf(riskConfigurationArgs("pool", risk(), email("Example Auth <no-reply@example.com>"), ARN));
    assert.deepStrictEqual(n, { sourceArn: ARN, from: "no-reply@example.com", replyTo: "help@example.com" });
  });

  it("keeps a sender that is already a bare address", () => {
    assert.strictEqual(
      notifyOf(riskConfigurationArgs("pool", risk(), email("no-reply@example.com"), ARN))?.from,
      "no-reply@example.com",
    );
  });

  it("prefers the risk configuration's own sender, reply-to and identity", () => {
    const own = {
      from: "security@example.com",
      replyTo: "soc@example.com",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/security@example.com",
    };
    assert.deepStrictEqual(
      notifyOf(riskConfigurationArgs("pool", risk(own), email("Example <no-reply@example.com>"), ARN)),
      own,
    );
  });

  it("sends no notifications without an SES identity", () => {
    assert.strictEqual(
      notifyOf(riskConfigurationArgs("pool", risk(), email("no-reply@example.com"), undefined)),
      undefined,
    );
  });
});
