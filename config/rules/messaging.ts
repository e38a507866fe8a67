import type { RuleSet } from "./context";

const ADDRESS = /^(?:[^<>]*<\s*)?([^\s@<>]+)@([^\s@<>]+\.[^\s@<>]+)(?:\s*>)?$/;

/** SES sender settings and the SMS role. */
export const messagingRules: RuleSet = (cfg, ctx, issues) => {
  const e = cfg.messaging.email;
  const at = "messaging.email";
  if (e.emailSendingAccount === "DEVELOPER") {
    if (!e.fromEmailAddress) issues.add(`${at}.fromEmailAddress`, undefined, "required with emailSendingAccount DEVELOPER (SES)");
    if (!e.sourceArn && !e.identity) issues.add(`${at}.sourceArn`, undefined, "DEVELOPER email needs sourceArn (an existing verified SES identity) or identity (one the stack creates)");
    if (e.sourceArn && e.identity) issues.add(`${at}.identity`, e.identity, "set sourceArn or identity, not both");
    if (e.sourceArn && !/^arn:aws[\w-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/.test(e.sourceArn)) issues.add(`${at}.sourceArn`, e.sourceArn, "must be an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<email or domain>)");
  } else {
    for (const k of ["fromEmailAddress", "replyToEmailAddress", "sourceArn", "identity", "configurationSet"] as const) {
      if (e[k] !== undefined) issues.add(`${at}.${k}`, e[k], "only used with emailSendingAccount DEVELOPER; Cognito's default sender ignores it");
    }
  }
  if (e.fromEmailAddress) {
    const m = ADDRESS.exec(e.fromEmailAddress);
    if (!m) issues.add(`${at}.fromEmailAddress`, e.fromEmailAddress, "must be an email address, optionally as \"Name <address>\"");
    else if (!/^[\x21-\x7e]+$/.test(m[1])) issues.add(`${at}.fromEmailAddress`, e.fromEmailAddress, "the local part must be ASCII");
    else if (e.identity && !e.identity.includes("@") && m[2].toLowerCase() !== e.identity.toLowerCase()) {
      issues.add(`${at}.identity`, e.identity, `the sender's domain (${m[2]}) must be the SES identity's domain`);
    } else if (e.identity?.includes("@") && e.identity.toLowerCase() !== `${m[1]}@${m[2]}`.toLowerCase()) {
      issues.add(`${at}.identity`, e.identity, "an email identity must be the sender address itself");
    }
  }
  const sns = cfg.messaging.sms.snsRegion;
  if (sns !== undefined && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(sns)) issues.add("messaging.sms.snsRegion", sns, "must be an AWS region name such as us-east-1");
  void ctx;
};
