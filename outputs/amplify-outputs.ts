/**
 * `amplify_outputs.json`: the stack's `appConfig` output (Amplify Gen 2 format) as a file a front end
 * loads with `Amplify.configure`. It holds a public client's settings only, never a secret, but it
 * is written owner-only like cognito-config.json and is git-ignored: a local file with a local
 * emulator's endpoints is nobody else's business.
 *
 * Amplify's outputs format has no key for a custom Cognito endpoint (`parseAmplifyOutputs` maps
 * none), so the emulator's endpoints go under `custom.cognito_auth.emulator`, which Amplify ignores;
 * an app copies them into `Auth.Cognito.userPoolEndpoint` / `identityPoolEndpoint` (README,
 * "Point an app at the local stack"; local-page/amplify-config.ts does it).
 */
import * as fs from "node:fs";
import type { AppConfig, StackOutputs } from "./stack-outputs";

/** The part of the stack outputs the file is built from (all plain outputs). */
export type AmplifyOutputsSource = Pick<StackOutputs, "stack" | "appConfig" | "clients" | "customAttributes">;

export interface EmulatorEndpoints {
  /** Where Amplify sends Cognito user pool calls (`Auth.Cognito.userPoolEndpoint`). */
  userPoolEndpoint: string;
  /** Where Amplify sends Cognito identity pool calls (`Auth.Cognito.identityPoolEndpoint`). */
  identityPoolEndpoint: string;
}

export interface AmplifyOutputsFile {
  version: string;
  auth: NonNullable<AppConfig["auth"]>;
  /** Amplify Gen 2's free-form section; Amplify passes it through untouched. */
  custom: {
    cognito_auth: {
      stack: string;
      /** The app client key in the stack config whose id is `auth.user_pool_client_id`. */
      client_key: string;
      /** `custom:<name>` attributes (Gen 2's `auth` has no field for them). */
      custom_attributes: string[];
      /** Present only in a file written for the local emulator. */
      emulator?: { user_pool_endpoint: string; identity_pool_endpoint: string };
    };
  };
}

/**
 * Builds the file from a stack's outputs. Refuses a stack without a public app client and a client
 * that has a secret: a browser or a phone cannot keep one, and the file must hold none.
 */
export function amplifyOutputs(o: AmplifyOutputsSource, emulator?: EmulatorEndpoints): AmplifyOutputsFile {
  const auth = o.appConfig.auth;
  if (!auth)
    throw new Error(
      `stack ${o.stack} has no public (web or native) app client, so there is no Amplify configuration to write`,
    );
  const entry = Object.entries(o.clients).find(([, c]) => c.clientId === auth.user_pool_client_id);
  if (!entry) throw new Error(`appConfig names client ${auth.user_pool_client_id}, which is not in the clients output`);
  const [clientKey, client] = entry;
  if (client.generateSecret)
    throw new Error(
      `client ${clientKey} of stack ${o.stack} is confidential (it has a secret); amplify_outputs.json is for public clients only`,
    );
  return {
    version: o.appConfig.version,
    auth,
    custom: {
      cognito_auth: {
        stack: o.stack,
        client_key: clientKey,
        custom_attributes: o.customAttributes.map((a) => `custom:${a}`),
        ...(emulator
          ? {
              emulator: {
                user_pool_endpoint: emulator.userPoolEndpoint,
                identity_pool_endpoint: emulator.identityPoolEndpoint,
              },
            }
          : {}),
      },
    },
  };
}

/**
 * Writes the file owner-only. `secrets` are values that must not appear in it (client secrets, seed
 * passwords): a last check that no future field leaks one.
 */
export function writeAmplifyOutputs(file: string, outputs: AmplifyOutputsFile, secrets: string[] = []): void {
  const text = `${JSON.stringify(outputs, null, 2)}\n`;
  const leaked = secrets.filter((s) => s.length >= 8 && text.includes(s));
  if (leaked.length) throw new Error(`refusing to write ${file}: it would contain ${leaked.length} secret value(s)`);
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** The stack's secret values as `pulumi stack output --show-secrets` prints them (masked `[secret]` skipped). */
export function secretValues(o: Partial<Pick<StackOutputs, "clientSecrets" | "seedUserPasswords">>): string[] {
  const values = (r: unknown): string[] =>
    r && typeof r === "object" ? Object.values(r).filter((v): v is string => typeof v === "string") : [];
  return [...values(o.clientSecrets), ...values(o.seedUserPasswords)].filter((v) => v !== "[secret]");
}
