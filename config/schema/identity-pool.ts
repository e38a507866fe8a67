import { z } from "zod";

const statement = z.strictObject({
  Effect: z.enum(["Allow", "Deny"]),
  Action: z.union([z.string(), z.array(z.string()).min(1)]),
  Resource: z.union([z.string(), z.array(z.string()).min(1)]),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});

export const identityPoolConfig = z.strictObject({
  enabled: z.boolean(),
  /** Client keys whose tokens the identity pool accepts. @default every client of kind web or native */
  clients: z.array(z.string()).optional(),
  /** Guest identities; off unless a stack asks. @default false */
  allowUnauthenticatedIdentities: z.boolean(),
  /** Inline policy statements for the authenticated role. */
  authenticatedPolicy: z.array(statement),
  /** Inline policy statements for the unauthenticated role (only with guests on). */
  unauthenticatedPolicy: z.array(statement),
  /** Map `cognito:preferred_role` from the token; AuthenticatedRole or Deny when ambiguous. */
  roleMapping: z
    .strictObject({
      ambiguousRoleResolution: z.enum(["AuthenticatedRole", "Deny"]),
    })
    .optional(),
});

export type IdentityPoolConfig = z.infer<typeof identityPoolConfig>;
export type PolicyStatement = z.infer<typeof statement>;
