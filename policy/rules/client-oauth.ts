import { asArray, type CognitoRule, isTrue, show, validateClient } from "./common";
import { boolean, list, readConfig, regex, schemaOf } from "./knobs";

function flows(v: unknown): string[] {
  return asArray(v).map((f) => String(f).toLowerCase());
}

/** C3: no implicit grant. */
export const noImplicitFlow: CognitoRule = {
  name: "cognito-client-no-implicit-flow",
  description:
    "App clients do not allow the OAuth implicit grant, which returns tokens in the redirect URL where browser history, logs and other scripts can read them.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:cognito-oauth-grants", "oauth-security-bcp:RFC9700-2.1.2"],
  remediationSteps: 'Remove "implicit" from allowedOauthFlows; use "code" with PKCE.',
  configSchema: schemaOf({}),
  validateResource: validateClient((client, _args, report) => {
    if (flows(client.allowedOauthFlows).includes("implicit")) {
      report(
        `allowedOauthFlows includes "implicit". Fix: use the authorization code grant with PKCE instead (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.allowedOauthFlows ["code"]).`,
      );
    }
  }),
};

const LOCALHOST = /^[a-z][a-z0-9+.-]*:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$|\?|#)/i;

const redirectKnobs = {
  allowLocalhost: boolean(
    false,
    "Allow http://localhost (and 127.0.0.1, [::1]) redirect URLs, for development stacks.",
  ),
};

const URL_INPUTS = ["callbackUrls", "logoutUrls", "defaultRedirectUri"] as const;

/** C4: redirect URLs use HTTPS; localhost only where allowed. Each URL input is read on its own. */
export const httpsRedirects: CognitoRule = {
  name: "cognito-client-https-redirects",
  description:
    "App client callback, logout and default redirect URLs use HTTPS (custom app schemes are fine); localhost URLs, where anything on the machine can catch the code, only where allowed.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:cognito-app-client-callback-urls"],
  remediationSteps: "Use https:// URLs; allow http://localhost only on development stacks (allowLocalhost).",
  configSchema: schemaOf(redirectKnobs),
  validateResource: validateClient((client, args, report) => {
    const { allowLocalhost } = readConfig(redirectKnobs, args);
    for (const input of URL_INPUTS) {
      for (const url of asArray(client[input]).map(String)) {
        const local = LOCALHOST.test(url);
        if (local && !allowLocalhost)
          report(
            `${input} has the localhost URL ${url}, which this stack does not allow. Fix: use the deployed HTTPS URL (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.${input}).`,
          );
        else if (!local && /^http:/i.test(url))
          report(
            `${input} has the plain-HTTP URL ${url}; codes and tokens would cross the network unencrypted. Fix: use https:// (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.${input}).`,
          );
      }
    }
  }),
};

const secretKnobs = {
  secretFlows: list(
    ["client_credentials"],
    "OAuth flows whose clients must have a secret (AWS requires one for client_credentials).",
    ["code", "implicit", "client_credentials"],
  ),
  publicClientPattern: regex(
    "(^|[^a-z])(web|spa|browser|native|mobile|ios|android)([^a-z]|$)",
    "Case-insensitive regular expression on the client name marking public clients (browser or mobile apps), which must not have a secret; empty turns the check off.",
  ),
};

function compile(source: string): RegExp | Error {
  try {
    return new RegExp(source, "i");
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** C5: confidential clients have a secret; public clients, which cannot keep one, do not. */
export const secretPosture: CognitoRule = {
  name: "cognito-client-secret-posture",
  description:
    "Clients using the configured flows (client_credentials) have a secret, and public clients (named like a browser or mobile app) do not, since a secret shipped to devices is not secret.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["aws-docs:user-pool-settings-client-apps"],
  remediationSteps:
    "Set generateSecret true for machine and server clients, false for SPAs and mobile apps (use PKCE).",
  configSchema: schemaOf(secretKnobs),
  validateResource: validateClient((client, args, report) => {
    const { secretFlows, publicClientPattern } = readConfig(secretKnobs, args);
    const secret = isTrue(client.generateSecret);
    const needing = flows(client.allowedOauthFlows).filter((f) => secretFlows.includes(f));
    if (needing.length > 0 && !secret) {
      report(
        `The client uses ${needing.join(", ")} but generateSecret is ${show(client.generateSecret)}. Fix: set generateSecret true (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.generateSecret).`,
      );
    }
    if (!secret || publicClientPattern === "" || typeof client.name !== "string") return;
    const pattern = compile(publicClientPattern);
    if (pattern instanceof Error) {
      // Config validation refuses such a pattern; a config that skipped it must not end the whole run.
      report(
        `publicClientPattern ${JSON.stringify(publicClientPattern)} is not a valid regular expression (${pattern.message}), so whether ${client.name} is a public client with a secret cannot be checked. Fix: correct publicClientPattern in the policy config.`,
      );
    } else if (pattern.test(client.name)) {
      report(
        `Client ${client.name} looks like a public (browser or mobile) client but has a secret, which cannot stay secret on a device. Fix: set generateSecret false and use PKCE, or rename a confidential client.`,
      );
    }
  }),
};
