import { parseSender } from "../model/messaging";
import type { RuleSet } from "./context";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ZONE_ID = /^Z[A-Z0-9]{1,32}$/;

/** SES sender settings and the SMS role. */
export const messagingRules: RuleSet = (cfg, ctx, issues) => {
  const e = cfg.messaging.email;
  const at = "messaging.email";
  if (e.emailSendingAccount === "DEVELOPER") {
    if (!e.fromEmailAddress)
      issues.add(`${at}.fromEmailAddress`, undefined, "required with emailSendingAccount DEVELOPER (SES)");
    if (!e.sourceArn && !e.identity)
      issues.add(
        `${at}.sourceArn`,
        undefined,
        "DEVELOPER email needs sourceArn (an existing verified SES identity) or identity (a domain the stack creates and verifies)",
      );
    if (e.sourceArn && e.identity) issues.add(`${at}.identity`, e.identity, "set sourceArn or identity, not both");
    if (e.sourceArn && !/^arn:aws[\w-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/.test(e.sourceArn))
      issues.add(
        `${at}.sourceArn`,
        e.sourceArn,
        "must be an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<email or domain>)",
      );
    if (e.identity?.includes("@")) {
      // Cognito refuses an unverified sourceArn at CreateUserPool, and an address is verified only
      // when someone clicks the link SES mails to it, which no deployment can wait for.
      issues.add(
        `${at}.identity`,
        e.identity,
        "an email address identity is verified only by a click on the link SES mails to it, so the stack cannot create it: verify the address outside the stack (SES console or `aws sesv2 create-email-identity`) and set sourceArn to its ARN instead, or use a domain with hostedZoneId",
      );
    } else if (e.identity !== undefined) {
      if (!DOMAIN.test(e.identity))
        issues.add(`${at}.identity`, e.identity, "must be a domain name such as auth.example.com");
      if (e.hostedZoneId === undefined) {
        issues.add(
          `${at}.hostedZoneId`,
          undefined,
          `required with identity: the stack verifies ${e.identity} (and its DKIM) with records in this Route 53 zone, since Cognito refuses an unverified SES identity; without a zone, verify the domain outside the stack and set sourceArn instead`,
        );
      }
    }
    if (e.hostedZoneId !== undefined && e.identity === undefined) {
      issues.add(
        `${at}.hostedZoneId`,
        e.hostedZoneId,
        "only used with identity (the domain whose SES verification and DKIM records the stack writes in this zone)",
      );
    }
  } else {
    for (const k of [
      "fromEmailAddress",
      "replyToEmailAddress",
      "sourceArn",
      "identity",
      "hostedZoneId",
      "configurationSet",
    ] as const) {
      if (e[k] !== undefined)
        issues.add(
          `${at}.${k}`,
          e[k],
          "only used with emailSendingAccount DEVELOPER; Cognito's default sender ignores it",
        );
    }
  }
  if (e.hostedZoneId !== undefined && !ZONE_ID.test(e.hostedZoneId)) {
    issues.add(`${at}.hostedZoneId`, e.hostedZoneId, "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ");
  }
  if (e.fromEmailAddress) {
    const m = parseSender(e.fromEmailAddress);
    if (!m)
      issues.add(
        `${at}.fromEmailAddress`,
        e.fromEmailAddress,
        'must be an email address, optionally as "Name <address>"',
      );
    else if (!/^[\x21-\x7e]+$/.test(m.local))
      issues.add(`${at}.fromEmailAddress`, e.fromEmailAddress, "the local part must be ASCII");
    else if (e.identity && !e.identity.includes("@") && m.domain.toLowerCase() !== e.identity.toLowerCase()) {
      issues.add(`${at}.identity`, e.identity, `the sender's domain (${m.domain}) must be the SES identity's domain`);
    }
  }
  if (cfg.messaging.sms.keepRole !== undefined && cfg.messaging.sms.enabled)
    issues.add(
      "messaging.sms.keepRole",
      cfg.messaging.sms.keepRole,
      "only with messaging.sms.enabled false: an enabled SMS always has its role",
    );
  const sns = cfg.messaging.sms.snsRegion;
  if (sns !== undefined && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(sns))
    issues.add("messaging.sms.snsRegion", sns, "must be an AWS region name such as us-east-1");
  void ctx;
};
