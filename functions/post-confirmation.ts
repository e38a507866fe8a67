import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import type { PostConfirmationTriggerEvent } from "aws-lambda";
import { groupFor } from "./email-domain";
import { type Mailer, sesMailer } from "./ses-client";

export interface WelcomeEmail {
  from: string;
  /** The SES identity the role may send as (sending authorization); omitted when `from` is the identity itself. */
  sourceArn?: string;
  subject: string;
  /** `{name}` is replaced by the user's given name (or email). */
  text: string;
}

export interface PostConfirmationSettings {
  /** Email domain (lower case) to group; `*` for every other domain. */
  groupsByDomain: Record<string, string>;
  welcome?: WelcomeEmail;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): PostConfirmationSettings {
  return {
    groupsByDomain: JSON.parse(env.GROUPS_BY_DOMAIN ?? "{}"),
    welcome: env.WELCOME_EMAIL ? JSON.parse(env.WELCOME_EMAIL) : undefined,
  };
}

export interface PostConfirmationClients {
  cognito: Pick<CognitoIdentityProviderClient, "send">;
  mailer: Mailer;
}

export function postConfirmation(settings: PostConfirmationSettings, clients: PostConfirmationClients) {
  return async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
    // A password reset confirms too; only a new account gets a group and a welcome.
    if (event.triggerSource !== "PostConfirmation_ConfirmSignUp") return event;
    const email = event.request.userAttributes.email;
    const verified = event.request.userAttributes.email_verified === "true";
    const group = groupFor(email, settings.groupsByDomain, verified);
    if (group) {
      // The pool id comes from the event: an environment variable would make the function depend on the pool
      // while the pool depends on the function.
      await clients.cognito.send(
        new AdminAddUserToGroupCommand({ UserPoolId: event.userPoolId, Username: event.userName, GroupName: group }),
      );
    }
    if (settings.welcome && email) {
      const name = event.request.userAttributes.given_name || email;
      await clients.mailer.send({
        from: settings.welcome.from,
        sourceArn: settings.welcome.sourceArn,
        to: email,
        subject: settings.welcome.subject,
        text: settings.welcome.text.replaceAll("{name}", name),
      });
    }
    return event;
  };
}

export const handler = postConfirmation(settingsFromEnv(process.env), {
  cognito: new CognitoIdentityProviderClient({}),
  mailer: sesMailer(),
});
