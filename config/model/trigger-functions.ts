import type { ApiConfig } from "../schema/api";
import type { ResourceServerConfig } from "../schema/clients";
import type { MessagingConfig } from "../schema/messaging";
import type { TriggerFunctionsConfig } from "../schema/trigger-functions";
import { resolveScope } from "./scopes";

/** The built trigger functions with every default applied; what components/trigger-functions.ts reads. */
export interface TriggerFunctionsModel {
  preSignUp?: { allowedDomains: string[]; autoConfirmDomains: string[] };
  postConfirmation?: { groupsByDomain: Record<string, string>; welcome?: { subject: string; text: string } };
  /** Scopes resolved to `<identifier>/<scope>`, as Cognito writes them in tokens. */
  preTokenGeneration?: { claims: Record<string, string>; groupScopes: Record<string, string[]> };
  customChallenge?: { clients: string[]; codeLength: number; maxAttempts: number };
  /** From address and, when the config names one, the SES identity ARN (else the stack's own identity is used). */
  sender?: { from: string; sourceArn?: string };
  logRetentionDays: number;
}

/** The functions `triggers.functions` can build, in the order they run. */
export const BUILT_FUNCTIONS = ["preSignUp", "postConfirmation", "preTokenGeneration", "customChallenge"] as const;

/** The functions this stack builds; empty builds none (and no bundle, role or log group). */
export function builtFunctionNames(f: TriggerFunctionsModel): Array<(typeof BUILT_FUNCTIONS)[number]> {
  return BUILT_FUNCTIONS.filter((n) => f[n] !== undefined);
}

export const DEFAULT_LOG_RETENTION_DAYS = 30;

export function resolveTriggerFunctions(
  f: TriggerFunctionsConfig | undefined,
  messaging: MessagingConfig,
  servers: Record<string, ResourceServerConfig>,
  environment: "dev" | "prod",
): TriggerFunctionsModel {
  const c = f ?? {};
  const from = c.sender?.from ?? messaging.email.fromEmailAddress;
  const sender = from === undefined ? undefined : { from, sourceArn: c.sender?.sourceArn ?? messaging.email.sourceArn };
  return {
    preSignUp: c.preSignUp && {
      allowedDomains: c.preSignUp.allowedDomains,
      // Validation refuses auto-confirm outside dev; this keeps a prod build from ever carrying it.
      autoConfirmDomains: environment === "dev" ? (c.preSignUp.autoConfirmDomains ?? []) : [],
    },
    postConfirmation: c.postConfirmation && {
      groupsByDomain: c.postConfirmation.groupsByDomain,
      welcome: c.postConfirmation.welcomeEmail && {
        subject: c.postConfirmation.welcomeEmail.subject ?? "Welcome",
        text: c.postConfirmation.welcomeEmail.text ?? "Welcome, {name}. Your account is ready.",
      },
    },
    preTokenGeneration: c.preTokenGeneration && {
      claims: c.preTokenGeneration.claims ?? {},
      groupScopes: Object.fromEntries(
        Object.entries(c.preTokenGeneration.groupScopes ?? {}).map(([g, s]) => [
          g,
          s.map((x) => resolveScope(x, servers)),
        ]),
      ),
    },
    customChallenge: c.customChallenge && {
      clients: c.customChallenge.clients,
      codeLength: c.customChallenge.codeLength ?? 6,
      maxAttempts: c.customChallenge.maxAttempts ?? 3,
    },
    sender: c.postConfirmation?.welcomeEmail || c.customChallenge ? sender : undefined,
    logRetentionDays: c.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

/** The protected API with defaults applied and scopes resolved to `<identifier>/<scope>`. */
export interface ApiModel {
  clients: string[];
  scopes: string[];
  adminGroup: string;
  logRetentionDays: number;
}

export const DEFAULT_API_SCOPES = ["api/read"];

export function resolveApi(
  a: ApiConfig | undefined,
  servers: Record<string, ResourceServerConfig>,
): ApiModel | undefined {
  if (!a) return undefined;
  return {
    clients: a.clients,
    scopes: (a.scopes ?? DEFAULT_API_SCOPES).map((s) => resolveScope(s, servers)),
    adminGroup: a.adminGroup ?? "Administrators",
    logRetentionDays: a.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}
