/**
 * Checks that a value (`pulumi stack output --json --show-secrets`, a JSON file, or an offline /
 * emulator run) has the shape of outputs/stack-outputs.ts before anything relies on it, and says which
 * key is wrong instead of failing later with `undefined`.
 */
import { z } from "zod";
import type { AppConfig, ClientOutput, SeedUserOutput, StackOutputs } from "./stack-outputs";

const strings = z.array(z.string());

const clientOutput: z.ZodType<ClientOutput> = z.object({
  clientId: z.string().min(1),
  kind: z.string(),
  clientSecret: z.string().min(1).optional(),
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
  temporaryPassword: z.string().min(1),
  groups: strings,
});

/** Only its version is checked here: the Amplify config is for apps, the login-flow check does not read it. */
const appConfig = z.custom<AppConfig>(
  (v) => typeof v === "object" && v !== null && typeof (v as { version?: unknown }).version === "string",
  "an Amplify outputs object with a version",
);

const stackOutputsSchema: z.ZodType<StackOutputs> = z.object({
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
  seedUsers: z.record(z.string(), seedUserOutput),
  identityPoolId: z.string().optional(),
  appConfig,
});

/** The value as StackOutputs, or an error naming every key that is missing or wrong. */
export function parseStackOutputs(value: unknown, source: string): StackOutputs {
  const r = stackOutputsSchema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
  throw new Error(`stack outputs from ${source} do not match outputs/stack-outputs.ts:\n${problems}`);
}
