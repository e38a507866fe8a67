import * as aws from "@pulumi/aws";
import { type PolicyResource, validateResourceOfType } from "@pulumi/policy";
import { asArray, type CognitoRule, isTrue } from "./common";
import { conditionValues, parseDocument, type Statement, trusts } from "./iam";
import { boolean, list, readConfig, schemaOf } from "./knobs";
import { linked, ofType, tryRead } from "./links";
import { grantProblems, roleGrants } from "./role-permissions";
import { T } from "./types";
import type { UnknownValueError } from "./unknowns";

const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

function identityStatements(doc: unknown): Statement[] {
  return (parseDocument(doc) ?? []).filter((s) => trusts(s, "Federated", COGNITO_IDENTITY));
}

const guestKnobs = {
  flagMissing: boolean(
    false,
    "Also fail a pool that leaves allowUnauthenticatedIdentities out (Checkov's CloudFormation check); the API default is false.",
  ),
};

/** I1: no guest (unauthenticated) identities. */
export const noGuestAccess: CognitoRule = {
  name: "cognito-identity-pool-no-guest-access",
  description:
    "Identity pools do not hand out AWS credentials to unauthenticated (guest) identities: anyone on the internet could otherwise use the guest role.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: [
    "securityhub:Cognito.2",
    "config:cognito-identity-pool-unauth-access-check",
    "prowler:cognito_identity_pool_guest_access_disabled",
    "checkov:CKV_AWS_366",
    "cfn_nag:W57",
    "cdk-nag:AwsSolutions-COG7",
    "cfn-guard:COGNITO_ALLOW_UNAUTHENTICATED_IDENTITIES_RULE",
  ],
  remediationSteps: "Set allowUnauthenticatedIdentities false and remove the unauthenticated role.",
  configSchema: schemaOf(guestKnobs),
  validateResource: validateResourceOfType(aws.cognito.IdentityPool, (pool, args, report) => {
    const { flagMissing } = readConfig(guestKnobs, args);
    const guests = pool.allowUnauthenticatedIdentities;
    if (isTrue(guests))
      report(
        `allowUnauthenticatedIdentities is true: guests get AWS credentials. Fix: set allowUnauthenticatedIdentities false (on aws.cognito.IdentityPool; cognito-auth key: identityPool.allowUnauthenticatedIdentities).`,
      );
    else if (guests === undefined && flagMissing)
      report(
        `allowUnauthenticatedIdentities is not set. Fix: set allowUnauthenticatedIdentities false explicitly (on aws.cognito.IdentityPool; cognito-auth key: identityPool.allowUnauthenticatedIdentities).`,
      );
  }),
};

/** The basic (classic) flow lets the client pick any role the pool trusts, bypassing role mapping. */
export const noClassicFlow: CognitoRule = {
  name: "cognito-identity-pool-no-classic-flow",
  description:
    "Identity pools keep the basic (classic) authentication flow off, so clients cannot choose their own role and bypass the pool's role mapping.",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["aws-docs:authentication-flow"],
  remediationSteps: "Set allowClassicFlow false (the enhanced flow is the default).",
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.IdentityPool, (pool, _args, report) => {
    if (isTrue(pool.allowClassicFlow))
      report(
        `allowClassicFlow is true: clients can assume any role that trusts the pool. Fix: set allowClassicFlow false on aws.cognito.IdentityPool.`,
      );
  }),
};

/** A revoked or signed-out user pool token must not keep getting AWS credentials. */
export const serverSideTokenCheck: CognitoRule = {
  name: "cognito-identity-pool-server-side-token-check",
  description:
    "Identity pools check each user pool token with the user pool (serverSideTokenCheck true on every Cognito provider), so a signed-out or revoked token stops getting AWS credentials.",
  enforcementLevel: "advisory",
  severity: "medium",
  tags: ["aws-docs:CognitoIdentityProvider.ServerSideTokenCheck"],
  remediationSteps: "Set serverSideTokenCheck true on every cognitoIdentityProviders entry.",
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.cognito.IdentityPool, (pool, args, report) => {
    const providers = asArray(pool.cognitoIdentityProviders);
    if (providers.length === 0) return args.notApplicable("the identity pool trusts no user pool");
    for (let i = 0; i < providers.length; i++) {
      const p = providers[i] as Record<string, unknown>;
      if (isTrue(p.serverSideTokenCheck)) continue;
      const client = tryRead(() => p.clientId).value;
      report(
        `cognitoIdentityProviders[${i}]${typeof client === "string" ? ` (client ${client})` : ""} has serverSideTokenCheck ${p.serverSideTokenCheck === undefined ? "not set (false)" : JSON.stringify(p.serverSideTokenCheck)}. Fix: set cognitoIdentityProviders[].serverSideTokenCheck true on aws.cognito.IdentityPool.`,
      );
    }
  }),
};

const WEB_IDENTITY_ACTIONS = ["sts:assumerolewithwebidentity", "sts:tagsession"];
const AUD = `${COGNITO_IDENTITY}:aud`;
const AMR = `${COGNITO_IDENTITY}:amr`;

/** Roles for identity-pool users: only this pool's identities, only authenticated (or guest) ones as intended. */
export const identityRoleTrust: CognitoRule = {
  name: "cognito-identity-pool-role-trust",
  description:
    "Roles trusted by cognito-identity.amazonaws.com require StringEquals on cognito-identity.amazonaws.com:aud (this identity pool) and ForAnyValue:StringLike on :amr, and allow only sts:AssumeRoleWithWebIdentity; otherwise any identity pool in any account could assume them.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:role-trust-and-permissions", "aws-docs:confused-deputy"],
  remediationSteps:
    'Add Condition { StringEquals: { "cognito-identity.amazonaws.com:aud": <pool id> }, "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } }.',
  configSchema: schemaOf({}),
  validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
    const statements = identityStatements(role.assumeRolePolicy);
    if (statements.length === 0) return args.notApplicable(`the role is not trusted by ${COGNITO_IDENTITY}`);
    for (const s of statements) {
      for (const a of s.actions.filter((x) => !WEB_IDENTITY_ACTIONS.includes(x.toLowerCase()))) {
        report(
          `The trust statement for ${COGNITO_IDENTITY} allows ${JSON.stringify(a)}. Fix: allow only "sts:AssumeRoleWithWebIdentity".`,
        );
      }
      const aud = conditionValues(s, "StringEquals", AUD) ?? [];
      if (aud.length === 0 || aud.some((v) => v === "" || v.includes("*"))) {
        report(
          `The trust statement for ${COGNITO_IDENTITY} does not pin ${AUD} to an identity pool id with StringEquals, so identities of any pool can assume the role. Fix: add Condition.StringEquals["${AUD}"] = <identity pool id>.`,
        );
      }
      const amr = conditionValues(s, "ForAnyValue:StringLike", AMR) ?? [];
      if (amr.length === 0 || amr.some((v) => !["authenticated", "unauthenticated"].includes(v))) {
        report(
          `The trust statement for ${COGNITO_IDENTITY} does not restrict ${AMR} to "authenticated" (or "unauthenticated" for a guest role) with ForAnyValue:StringLike. Fix: add Condition["ForAnyValue:StringLike"]["${AMR}"] = "authenticated".`,
        );
      }
    }
  }),
};

/** Roles reachable through identity pools: trusted by cognito-identity, or attached to a pool. */
function identityRoles(resources: PolicyResource[]): PolicyResource[] {
  const roles = ofType(resources, T.role);
  const found = new Set(
    roles.filter((r) => {
      const doc = tryRead(() => r.props.assumeRolePolicy);
      return doc.unknown === undefined && identityStatements(doc.value).length > 0;
    }),
  );
  for (const att of ofType(resources, T.identityPoolRoleAttachment)) {
    for (const r of linked(att, "roles", roles, () => Object.values(att.props.roles ?? {}))) found.add(r);
    const field = (o: unknown, k: string): unknown =>
      typeof o === "object" && o !== null ? (o as Record<string, unknown>)[k] : undefined;
    const mapped = () =>
      asArray(att.props.roleMappings).flatMap((m) =>
        asArray(field(m, "mappingRules")).map((rule) => field(rule, "roleArn")),
      );
    for (const r of linked(att, "roleMappings", roles, mapped)) found.add(r);
  }
  return [...found];
}

const permissionKnobs = {
  allowedManagedPolicyArns: list(
    [],
    "Managed policy ARNs, not defined in the stack, that identity-pool roles may carry (their actions cannot be checked).",
  ),
};

/** Identity-pool roles grant named actions only: every end user holds these credentials. */
export const identityRolePermissions: CognitoRule = {
  name: "cognito-identity-pool-role-permissions",
  description:
    "Roles that identity pools hand to end users grant no wildcard actions, no NotAction, and no broad or unverifiable managed policies: every signed-in user holds these credentials.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:role-trust-and-permissions", "least-privilege"],
  remediationSteps:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    "List the exact actions each identity-pool role needs in an inline policy scoped with ${cognito-identity.amazonaws.com:sub}.",
  configSchema: schemaOf(permissionKnobs),
  validateStack: (args, report) => {
    const { allowedManagedPolicyArns } = readConfig(permissionKnobs, args);
    const roles = identityRoles(args.resources);
    if (roles.length === 0) return args.notApplicable("the stack has no identity-pool role");
    let unknown: UnknownValueError | undefined;
    for (const role of roles) {
      const { grants, unknown: hidden } = roleGrants(role, args.resources);
      unknown = unknown ?? hidden;
      for (const p of grantProblems(grants, allowedManagedPolicyArns)) {
        report(
          `Identity-pool role ${role.name} ${p}. Fix: list exact actions (on aws.cognito.IdentityPool; cognito-auth key: identityPool.authenticatedPolicy).`,
          role.urn,
        );
      }
    }
    // What is known is reported; a grant hidden by an unknown value still makes the rule undecided.
    if (unknown) throw unknown;
  },
};
