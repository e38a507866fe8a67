import * as aws from "@pulumi/aws";
import { type PolicyResource, type StackValidationArgs, validateResourceOfType } from "@pulumi/policy";
import type { CognitoRule } from "./common";
import { conditionValues, isWildcardAction, parseDocument, type Statement, trusts } from "./iam";
import { boolean, list, readConfig, schemaOf } from "./knobs";
import { linked, ofType } from "./links";
import { grantProblems, roleGrants } from "./role-permissions";
import { T } from "./types";
import type { UnknownValueError } from "./unknowns";

const COGNITO_IDP = "cognito-idp.amazonaws.com";
const ROLE = T.role;
const SOURCE_ARN_OPERATORS = ["ArnLike", "ArnEquals", "StringLike", "StringEquals"];

function cognitoStatements(statements: Statement[]): Statement[] {
  return statements.filter((s) => trusts(s, "Service", COGNITO_IDP));
}

function externalIds(s: Statement): string[] {
  return (conditionValues(s, "StringEquals", "sts:ExternalId") ?? []).filter((v) => v !== "" && !v.includes("*"));
}

const trustKnobs = {
  requireSourceCondition: boolean(
    false,
    "Also require aws:SourceAccount or aws:SourceArn in the trust condition (confused-deputy protection across pools).",
  ),
};

/** The role Cognito assumes (for SMS): trusted by Cognito alone, and only with an external ID. */
export const smsRoleTrust: CognitoRule = {
  name: "cognito-sms-role-trust",
  description:
    "Roles assumed by Cognito user pools (the SMS role) trust only cognito-idp.amazonaws.com, only for sts:AssumeRole, and only with an sts:ExternalId condition.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:SmsConfigurationType", "aws-docs:confused-deputy"],
  remediationSteps:
    'Trust only { Service: "cognito-idp.amazonaws.com" } with Action "sts:AssumeRole" and Condition.StringEquals["sts:ExternalId"] set to the pool\'s smsConfiguration.externalId.',
  configSchema: schemaOf(trustKnobs),
  validateResource: validateResourceOfType(aws.iam.Role, (role, args, report) => {
    const { requireSourceCondition } = readConfig(trustKnobs, args);
    const statements = parseDocument(role.assumeRolePolicy) ?? [];
    const cognito = cognitoStatements(statements);
    if (cognito.length === 0) return args.notApplicable(`the role is not assumed by ${COGNITO_IDP}`);
    for (const s of statements.filter((x) => x.effect === "Allow")) {
      for (const [type, values] of Object.entries(s.principals)) {
        for (const v of values.filter((x) => !(type === "Service" && x.toLowerCase() === COGNITO_IDP))) {
          report(
            `The role Cognito assumes also trusts ${type} ${JSON.stringify(v)}. Fix: trust only ${COGNITO_IDP} in a role of its own.`,
          );
        }
      }
    }
    for (const s of cognito) {
      for (const a of s.actions.filter((x) => x.toLowerCase() !== "sts:assumerole")) {
        report(`The trust statement for ${COGNITO_IDP} allows ${JSON.stringify(a)}. Fix: allow only "sts:AssumeRole".`);
      }
      if (s.notActions.length > 0)
        report(`The trust statement for ${COGNITO_IDP} uses NotAction. Fix: allow only "sts:AssumeRole".`);
      if (externalIds(s).length === 0) {
        report(
          `The trust statement for ${COGNITO_IDP} has no StringEquals sts:ExternalId condition, so any user pool could make this role send SMS. Fix: add Condition.StringEquals["sts:ExternalId"] equal to smsConfiguration.externalId.`,
        );
      }
      const scoped =
        conditionValues(s, "StringEquals", "aws:SourceAccount") !== undefined ||
        SOURCE_ARN_OPERATORS.some((op) => conditionValues(s, op, "aws:SourceArn") !== undefined);
      if (requireSourceCondition && !scoped) {
        report(
          `The trust statement for ${COGNITO_IDP} has no aws:SourceAccount or aws:SourceArn condition. Fix: add Condition.StringEquals["aws:SourceAccount"] (and ArnLike aws:SourceArn for the pools).`,
        );
      }
    }
  }),
};

/** Each pool with SMS, and the role(s) its smsConfiguration.snsCallerArn names. */
function smsRoles(
  args: StackValidationArgs,
): Array<{ pool: PolicyResource; roles: PolicyResource[]; callerArn: () => unknown; externalId: () => unknown }> {
  const pools = ofType(args.resources, T.userPool).filter((p) => p.props.smsConfiguration !== undefined);
  if (pools.length === 0) return args.notApplicable("no user pool in the stack sends SMS");
  const roles = ofType(args.resources, ROLE);
  return pools.map((pool) => {
    const callerArn = () => pool.props.smsConfiguration.snsCallerArn;
    return {
      pool,
      roles: linked(pool, "smsConfiguration", roles, callerArn),
      callerArn,
      externalId: () => pool.props.smsConfiguration.externalId,
    };
  });
}

/** U13: the pool's external ID is the one its SMS role's trust policy requires. */
export const smsRoleExternalId: CognitoRule = {
  name: "cognito-sms-role-external-id",
  description:
    "Each pool's SMS role that is defined in the stack has a trust policy requiring exactly the pool's smsConfiguration.externalId, so no other pool can use the role (a role outside the stack: cognito-sms-role-outside-stack).",
  enforcementLevel: "mandatory",
  severity: "medium",
  tags: ["aws-docs:SmsConfigurationType", "cfn:SmsConfiguration.ExternalId"],
  remediationSteps:
    'Use one role per pool whose trust Condition.StringEquals["sts:ExternalId"] equals the pool\'s smsConfiguration.externalId.',
  configSchema: schemaOf({}),
  validateStack: (args, report) => {
    for (const { pool, roles, externalId } of smsRoles(args)) {
      // A role outside the stack (shared, or from a StackReference) cannot be judged here: the
      // advisory cognito-sms-role-outside-stack says so instead of blocking the team.
      if (roles.length === 0) continue;
      for (const role of roles) {
        const cognito = cognitoStatements(parseDocument(role.props.assumeRolePolicy) ?? []);
        const ids = cognito.flatMap(externalIds);
        if (cognito.length === 0)
          report(
            `SMS role ${role.name} of pool ${pool.name} does not trust ${COGNITO_IDP}. Fix: trust ${COGNITO_IDP} with an sts:ExternalId condition.`,
            role.urn,
          );
        else if (ids.length === 0)
          report(
            `SMS role ${role.name} of pool ${pool.name} trusts ${COGNITO_IDP} without an sts:ExternalId condition. Fix: require the pool's external ID.`,
            role.urn,
          );
        else if (!ids.includes(String(externalId())))
          report(
            `SMS role ${role.name} requires external ID ${JSON.stringify(ids)} but pool ${pool.name} presents a different one. Fix: use the same value in smsConfiguration.externalId and the trust condition.`,
            role.urn,
          );
      }
    }
  },
};

const permissionKnobs = {
  allowedActions: list(["sns:Publish"], "The only actions the SMS role may be allowed."),
};

/** The SMS role may publish SMS and nothing else. */
export const smsRolePermissions: CognitoRule = {
  name: "cognito-sms-role-permissions",
  description:
    "The role a pool sends SMS through allows only sns:Publish: no wildcard actions, no NotAction, no managed full-access policy.",
  enforcementLevel: "mandatory",
  severity: "high",
  tags: ["aws-docs:user-pool-sms-settings", "least-privilege"],
  remediationSteps:
    "Give the SMS role a single inline policy allowing sns:Publish (Deny topic ARNs to keep it to phone numbers); detach managed policies.",
  configSchema: schemaOf(permissionKnobs),
  validateStack: (args, report) => {
    const { allowedActions } = readConfig(permissionKnobs, args);
    const allowed = allowedActions.map((a) => a.toLowerCase());
    const seen = new Set<PolicyResource>();
    let unknown: UnknownValueError | undefined;
    for (const { roles } of smsRoles(args)) {
      for (const role of roles.filter((r) => !seen.has(r))) {
        seen.add(role);
        const { grants, unknown: hidden } = roleGrants(role, args.resources);
        unknown = unknown ?? hidden;
        const problems = grantProblems(grants, []);
        for (const g of grants) {
          for (const s of (g.statements ?? []).filter((x) => x.effect === "Allow")) {
            for (const a of s.actions.filter((x) => !isWildcardAction(x) && !allowed.includes(x.toLowerCase())))
              problems.push(`allows ${JSON.stringify(a)} in ${g.source}`);
          }
        }
        for (const p of problems)
          report(`SMS role ${role.name} ${p}. Fix: allow only ${allowedActions.join(", ")}.`, role.urn);
      }
    }
    // What is known is reported; a grant hidden by an unknown value still makes the rule undecided.
    if (unknown) throw unknown;
  },
};

/**
 * A pool whose smsConfiguration.snsCallerArn names a role the stack does not define (a shared role,
 * or one read from a StackReference): its trust and permissions cannot be judged from this stack.
 * That is reported as advisory ("cannot judge"), never as a violation, so teams may share roles.
 */
export const smsRoleOutsideStack: CognitoRule = {
  name: "cognito-sms-role-outside-stack",
  description:
    "Reports (advisory) each user pool whose SMS role is not in the stack, so the pack cannot judge its trust policy or permissions.",
  enforcementLevel: "advisory",
  severity: "low",
  tags: ["aws-docs:SmsConfigurationType"],
  remediationSteps:
    "Nothing to fix when the role is shared on purpose: run the pack on the stack that defines the role (cognito-sms-role-trust and cognito-sms-role-permissions judge it there). To have it judged here, define the aws.iam.Role in this stack and pass its arn to smsConfiguration.snsCallerArn on aws.cognito.UserPool.",
  configSchema: schemaOf({}),
  validateStack: (args, report) => {
    for (const { pool, roles, callerArn } of smsRoles(args)) {
      if (roles.length > 0) continue;
      report(
        `Cannot judge: user pool ${pool.name} sends SMS through ${JSON.stringify(callerArn())} (smsConfiguration.snsCallerArn on aws.cognito.UserPool), a role this stack does not define, so its trust policy and permissions are not checked here. Check them in the stack that defines the role (cognito-auth key: messaging.sms).`,
        pool.urn,
      );
    }
  },
};
