import type { Mailer } from "../../../functions/ses-client";

/** Records every SES message; no network. */
export function recordingMailer(): Mailer & { sent: Parameters<Mailer["send"]>[0][] } {
  const sent: Parameters<Mailer["send"]>[0][] = [];
  return {
    sent,
    async send(m) {
      sent.push(m);
    },
  };
}

/** A Cognito client that records each command's name and input; throws for anything but AdminAddUserToGroup. */
export function recordingCognito() {
  const calls: Array<{ name: string; input: unknown }> = [];
  return {
    calls,
    async send(command: { constructor: { name: string }; input: unknown }) {
      const name = command.constructor.name;
      if (name !== "AdminAddUserToGroupCommand") throw new Error(`unexpected Cognito call ${name}`);
      calls.push({ name, input: command.input });
      return {};
    },
  };
}
