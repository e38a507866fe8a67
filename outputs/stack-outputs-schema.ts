/**
 * Checks that a value (`pulumi stack output --json --show-secrets`, a JSON file, or an offline /
 * emulator run) has the shape of outputs/stack-outputs.ts before anything relies on it, and says which
 * key is wrong instead of failing later with `undefined`.
 */
import { z } from "zod";
import type {
  AppConfig,
  ClientOutput,
  CustomDomainOutput,
  OperationsOutput,
  ReplicationOutput,
  ResourceServerOutput,
  SamlServiceProviderOutput,
  SeedUserOutput,
  StackOutputs,
  TriggerFunctionsOutput,
} from "./stack-outputs";

const strings = z.array(z.string());

const clientOutput: z.ZodType<ClientOutput> = z.object({
  clientId: z.string().min(1),
  kind: z.string(),
  generateSecret: z.boolean(),
  explicitAuthFlows: strings,
  allowedOauthFlows: strings,
  allowedOauthScopes: strings,
  callbackUrls: strings,
  logoutUrls: strings,
  preventUserExistenceErrors: z.enum(["ENABLED", "LEGACY"]),
  readAttributes: strings,
  loginUrl: z.string().optional(),
  logoutUrl: z.string().optional(),
});

const seedUserOutput: z.ZodType<SeedUserOutput> = z.object({
  username: z.string().min(1),
  groups: strings,
});

/** A secret output: one map of non-empty strings. */
const secretMap = z.record(z.string(), z.string().min(1));

const samlServiceProvider: z.ZodType<SamlServiceProviderOutput> = z.object({
  entityId: z.string().startsWith("urn:amazon:cognito:sp:"),
  acsUrl: z.string().url().optional(),
});

const resourceServer: z.ZodType<ResourceServerOutput> = z.object({
  identifier: z.string().min(1),
  scopes: strings,
});

const customDomain: z.ZodType<CustomDomainOutput> = z.object({
  domainName: z.string().min(1),
  cloudfrontDistribution: z.string().min(1),
  cloudfrontZoneId: z.string().min(1),
});

const replication: z.ZodType<ReplicationOutput> = z.object({
  kmsKeyArn: z.string().startsWith("arn:"),
  regions: z.record(
    z.string(),
    z.object({
      region: z.string().min(1),
      status: z.enum(["ACTIVE", "INACTIVE"]),
      endpoint: z.string().url(),
      issuer: z.string().url(),
      jwksUri: z.string().url(),
      hostedUiBaseUrl: z.string().url().optional(),
    }),
  ),
});

const operations: z.ZodType<OperationsOutput> = z.object({
  webAclArn: z.string().startsWith("arn:").optional(),
  wafLogGroupName: z.string().startsWith("aws-waf-logs-").optional(),
  authEventLogGroupName: z.string().min(1).optional(),
  dashboardUrl: z.string().url().optional(),
  alarmTopicArn: z.string().startsWith("arn:").optional(),
});

const triggerFunctions: z.ZodType<TriggerFunctionsOutput> = z.object({
  names: z.array(z.enum(["preSignUp", "postConfirmation", "preTokenGeneration", "customChallenge"])),
  groupsByDomain: z.record(z.string(), z.string().min(1)).optional(),
  groupScopes: z.record(z.string(), strings).optional(),
  customChallengeClients: strings.optional(),
});

/** Only its version is checked here: the Amplify config is for apps, the login-flow check does not read it. */
const appConfig = z.custom<AppConfig>(
  (v) => typeof v === "object" && v !== null && typeof (v as { version?: unknown }).version === "string",
  "an Amplify outputs object with a version",
);

const stackOutputsShape = z.object({
  stack: z.string(),
  environment: z.string(),
  region: z.string().min(1),
  userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, "a user pool id like us-east-1_AbC123"),
  userPoolArn: z.string().startsWith("arn:"),
  issuer: z.string().url(),
  jwksUri: z.string().url(),
  hostedUiBaseUrl: z.string().optional(),
  mfaConfiguration: z.enum(["OFF", "OPTIONAL", "ON"]),
  passwordPolicy: z.object({
    minimumLength: z.number().int(),
    requireLowercase: z.boolean(),
    requireUppercase: z.boolean(),
    requireNumbers: z.boolean(),
    requireSymbols: z.boolean(),
  }),
  customAttributes: strings,
  groups: strings,
  clients: z.record(z.string(), clientOutput),
  clientSecrets: secretMap,
  seedUsers: z.record(z.string(), seedUserOutput),
  seedUserPasswords: secretMap,
  samlServiceProvider,
  oauthRedirectUri: z.string().url().optional(),
  resourceServers: z.record(z.string(), resourceServer),
  sesIdentityArn: z.string().startsWith("arn:").optional(),
  customDomain: customDomain.optional(),
  identityPoolId: z.string().optional(),
  replication: replication.optional(),
  operations: operations.optional(),
  api: z.object({ url: z.string().url(), routes: strings, scopes: strings, adminGroup: z.string().min(1) }).optional(),
  triggerFunctions: triggerFunctions.optional(),
  appConfig,
});

/** Every top-level output name of the contract (outputs/README.md has one row each). */
export const STACK_OUTPUT_NAMES = Object.keys(stackOutputsShape.shape) as Array<keyof StackOutputs>;

/** The only secret outputs: everything else is plain, also through a StackReference. */
export const SECRET_OUTPUT_NAMES = ["clientSecrets", "seedUserPasswords"] as const satisfies Array<keyof StackOutputs>;

const stackOutputsSchema: z.ZodType<StackOutputs> = stackOutputsShape
  // The secret outputs must match the plain ones they belong to, or the check would sign in without a secret.
  .superRefine((o, ctx) => {
    for (const [key, c] of Object.entries(o.clients)) {
      const has = Object.hasOwn(o.clientSecrets, key);
      if (c.generateSecret && !has)
        ctx.addIssue({
          code: "custom",
          path: ["clientSecrets", key],
          message: `client ${key} has a secret, but not here`,
        });
      if (!c.generateSecret && has)
        ctx.addIssue({ code: "custom", path: ["clientSecrets", key], message: `client ${key} is public: no secret` });
    }
    for (const key of Object.keys(o.clientSecrets))
      if (!Object.hasOwn(o.clients, key))
        ctx.addIssue({ code: "custom", path: ["clientSecrets", key], message: `no client ${key} in clients` });
    for (const u of Object.keys(o.seedUsers))
      if (!Object.hasOwn(o.seedUserPasswords, u))
        ctx.addIssue({ code: "custom", path: ["seedUserPasswords", u], message: `seed user ${u} has no password` });
    for (const u of Object.keys(o.seedUserPasswords))
      if (!Object.hasOwn(o.seedUsers, u))
        ctx.addIssue({ code: "custom", path: ["seedUserPasswords", u], message: `no seed user ${u} in seedUsers` });
  });

/** What `pulumi stack output --json` prints for a secret output without `--show-secrets`. */
const MASKED = "[secret]";

/** The value as StackOutputs, or an error naming every key that is missing or wrong. */
export function parseStackOutputs(value: unknown, source: string): StackOutputs {
  const r = stackOutputsSchema.safeParse(value);
  if (r.success) return r.data;
  const masked = (key: PropertyKey | undefined) =>
    typeof value === "object" && value !== null && (value as Record<PropertyKey, unknown>)[key ?? ""] === MASKED;
  const problems = r.error.issues
    .map(
      (i) =>
        `  - ${i.path.join(".") || "(root)"}: ${
          masked(i.path[0]) ? "a secret output, masked: read the outputs with --show-secrets" : i.message
        }`,
    )
    .join("\n");
  throw new Error(`stack outputs from ${source} do not match outputs/stack-outputs.ts:\n${problems}`);
}
