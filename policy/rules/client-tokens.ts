import type { ResourceValidationArgs } from "@pulumi/policy";
import { asArray, type ClientProps, type CognitoRule, num, show, upper, validateClient } from "./common";
import { integer, readConfig, schemaOf } from "./knobs";

const MINUTES: Record<string, number> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };

type Token = "accessToken" | "idToken" | "refreshToken";
const TOKENS: Array<{
  token: Token;
  value: "accessTokenValidity" | "idTokenValidity" | "refreshTokenValidity";
  unit: string;
  defaultMinutes: number;
}> = [
  { token: "accessToken", value: "accessTokenValidity", unit: "hours", defaultMinutes: 60 },
  { token: "idToken", value: "idTokenValidity", unit: "hours", defaultMinutes: 60 },
  { token: "refreshToken", value: "refreshTokenValidity", unit: "days", defaultMinutes: 30 * 1440 },
];

const lifetimeKnobs = {
  maxAccessTokenMinutes: integer(60, "Longest access-token lifetime, in minutes.", { minimum: 5, maximum: 1440 }),
  maxIdTokenMinutes: integer(60, "Longest ID-token lifetime, in minutes.", { minimum: 5, maximum: 1440 }),
  maxRefreshTokenDays: integer(30, "Longest refresh-token lifetime, in days.", { minimum: 1, maximum: 3650 }),
};

/** A token's lifetime in minutes; the unit is read only when a value is set. */
function lifetime(client: ClientProps, t: (typeof TOKENS)[number]): { minutes: number; shown: string } {
  const value = num(client[t.value]);
  if (value === undefined) return { minutes: t.defaultMinutes, shown: `the default ${t.defaultMinutes} minutes` };
  const unit = String(client.tokenValidityUnits?.[t.token] ?? t.unit).toLowerCase();
  return { minutes: value * (MINUTES[unit] ?? NaN), shown: `${value} ${unit}` };
}

/** C6: access, ID and refresh tokens expire within the configured maxima. */
export const tokenLifetimes: CognitoRule = {
  name: "cognito-client-token-lifetimes",
  description:
    "App client access, ID and refresh tokens expire within configured maxima (units normalised), limiting how long a leaked token works.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["prowler:cognito_user_pool_client_token_revocation_enabled#remediation"],
  remediationSteps:
    "Lower accessTokenValidity, idTokenValidity and refreshTokenValidity (with tokenValidityUnits) to the configured maxima.",
  configSchema: schemaOf(lifetimeKnobs),
  validateResource: validateClient((client, args, report) => {
    const cfg = readConfig(lifetimeKnobs, args);
    const max: Record<Token, number> = {
      accessToken: cfg.maxAccessTokenMinutes,
      idToken: cfg.maxIdTokenMinutes,
      refreshToken: cfg.maxRefreshTokenDays * 1440,
    };
    for (const t of TOKENS) {
      const { minutes, shown } = lifetime(client, t);
      if (!(minutes <= max[t.token])) {
        report(
          `${t.value} is ${shown}, longer than the allowed ${max[t.token]} minutes. Fix: lower ${t.value} (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.${t.value} and tokenValidityUnits).`,
        );
      }
    }
  }),
};

/** Clients that only use client_credentials never receive refresh tokens. */
function machineOnly(client: ClientProps): boolean {
  const flows = asArray(client.allowedOauthFlows).map((f) => String(f).toLowerCase());
  return flows.length > 0 && flows.every((f) => f === "client_credentials");
}

/** C7: refresh tokens rotate, so a stolen one stops working after its next use. */
export const refreshTokenRotation: CognitoRule = {
  name: "cognito-client-refresh-token-rotation",
  description:
    "App clients that receive refresh tokens rotate them (refreshTokenRotation.feature ENABLED), so a replayed refresh token is detected and stops working.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["prowler:cognito_user_pool_client_token_revocation_enabled#remediation", "oauth-security-bcp:RFC9700-4.14"],
  remediationSteps: 'Set refreshTokenRotation { feature: "ENABLED", retryGracePeriodSeconds: 0..60 }.',
  configSchema: schemaOf({}),
  validateResource: validateClient((client, args: ResourceValidationArgs, report) => {
    if (machineOnly(client)) return args.notApplicable("client_credentials clients receive no refresh token");
    const feature = upper(client.refreshTokenRotation?.feature);
    if (feature === "ENABLED") return;
    report(
      `refreshTokenRotation.feature is ${show(client.refreshTokenRotation?.feature)}. Fix: set refreshTokenRotation.feature "ENABLED" (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.refreshTokenRotation).`,
    );
  }),
};

const sessionKnobs = {
  maximumMinutes: integer(5, "Longest authSessionValidity, in minutes (Cognito allows 3-15, default 3).", {
    minimum: 3,
    maximum: 15,
  }),
};

/** The session of a multi-step sign-in (MFA, custom challenges) is short, limiting relayed challenges. */
export const authSessionValidity: CognitoRule = {
  name: "cognito-client-auth-session-validity",
  description:
    "App clients keep the authentication-flow session short (authSessionValidity within a maximum), so an intercepted MFA or challenge session expires quickly.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["aws-docs:UserPoolClient.AuthSessionValidity"],
  remediationSteps: "Set authSessionValidity to the configured maximum or less (3 is the default).",
  configSchema: schemaOf(sessionKnobs),
  validateResource: validateClient((client, args, report) => {
    const { maximumMinutes } = readConfig(sessionKnobs, args);
    const minutes = num(client.authSessionValidity) ?? 3;
    if (minutes > maximumMinutes) {
      report(
        `authSessionValidity is ${minutes} minutes, longer than ${maximumMinutes}. Fix: lower authSessionValidity (on aws.cognito.UserPoolClient; cognito-auth key: clients.<key>.authSessionValidity).`,
      );
    }
  }),
};
