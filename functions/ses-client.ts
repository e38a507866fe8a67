import { SESClient, SendEmailCommand } from "@aws-sdk/client-ses";

/** The one SES call the functions make, so tests can pass a client pointed at moto. */
export interface Mailer {
  send(message: { from: string; sourceArn?: string; to: string; subject: string; text: string }): Promise<void>;
}

export function sesMailer(client: SESClient = new SESClient({})): Mailer {
  return {
    async send(m) {
      await client.send(
        new SendEmailCommand({
          Source: m.from,
          SourceArn: m.sourceArn,
          Destination: { ToAddresses: [m.to] },
          Message: { Subject: { Data: m.subject }, Body: { Text: { Data: m.text } } },
        }),
      );
    },
  };
}
