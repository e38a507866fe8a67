import * as assert from "node:assert";
import {
  smsRoleExternalId,
  smsRoleOutsideStack,
  smsRolePermissions,
  smsRoleTrust,
} from "../../../policy/rules/sms-role";
import {
  doc,
  EXTERNAL_ID,
  goodPool,
  identityTrustStatement,
  PUBLISH_ONLY,
  SMS_ROLE_ARN,
  smsTrustStatement,
} from "../fixtures";
import {
  assertNotApplicable,
  assertPass,
  assertUnknown,
  assertViolation,
  assertViolations,
  assertViolationsThenUnknown,
  checkResource,
  checkStack,
  res,
  type StackResourceInput,
  T,
  UNKNOWN,
  urn,
  withProp,
} from "../harness";

const trust = (...statements: Array<Record<string, unknown>>) => ({
  assumeRolePolicy: JSON.stringify(doc(...statements)),
});
const st = (path: string, value: unknown) => withProp(smsTrustStatement(), path, value);

describe("policy cognito-sms-role-trust", () => {
  const check = (props: Record<string, unknown>, config?: object) =>
    checkResource(smsRoleTrust, T.role, props, { config });

  it("passes the trust policy components/messaging.ts writes", async () =>
    assertPass(await check(trust(smsTrustStatement()), { requireSourceCondition: true })));
  it("accepts the policy as an object as well as JSON text", async () =>
    assertPass(await check({ assumeRolePolicy: doc(smsTrustStatement()) })));
  it("fails a trust without sts:ExternalId", async () =>
    assertViolations(await check(trust(st("Condition", undefined))), 1, "no StringEquals sts:ExternalId"));
  it("fails a wildcard or empty external id", async () => {
    assertViolation(await check(trust(st("Condition.StringEquals.sts:ExternalId", "*"))), "sts:ExternalId");
    assertViolation(await check(trust(st("Condition", { StringLike: { "sts:ExternalId": "*" } }))), "sts:ExternalId");
  });
  it("matches condition keys without case, as IAM does", async () =>
    assertPass(await check(trust(st("Condition", { StringEquals: { "STS:EXTERNALID": EXTERNAL_ID } })))));
  it("fails any other principal next to Cognito", async () => {
    assertViolation(
      await check(trust(st("Principal.Service", ["cognito-idp.amazonaws.com", "lambda.amazonaws.com"]))),
      'also trusts Service "lambda.amazonaws.com"',
    );
    assertViolation(
      await check(trust(smsTrustStatement(), { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" })),
      'also trusts AWS "*"',
    );
  });
  it("fails actions other than sts:AssumeRole, including wildcards", async () => {
    assertViolation(await check(trust(st("Action", "sts:*"))), '"sts:*"');
    assertViolation(await check(trust(st("Action", ["sts:AssumeRole", "sts:TagSession"]))), "sts:TagSession");
  });
  it("requireSourceCondition flips a trust without aws:SourceAccount/SourceArn to a failure", async () => {
    const idOnly = trust(st("Condition", { StringEquals: { "sts:ExternalId": EXTERNAL_ID } }));
    assertPass(await check(idOnly));
    assertViolations(await check(idOnly, { requireSourceCondition: true }), 1, "aws:SourceAccount");
  });
  it("is not applicable to roles Cognito does not assume, nor to other types", async () => {
    assertNotApplicable(
      await check(trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" })),
      "cognito-idp",
    );
    assertNotApplicable(await check(trust(identityTrustStatement())));
    assertNotApplicable(await checkResource(smsRoleTrust, T.rolePolicy, trust(smsTrustStatement())));
  });
  it("decides while the role's name is unknown; cannot while the trust policy is", async () => {
    assertPass(await check({ ...trust(smsTrustStatement()), name: UNKNOWN.string }));
    assertUnknown(await check({ assumeRolePolicy: UNKNOWN.string }), "assumeRolePolicy");
  });
});

const ROLE_URN = urn(T.role, "sms-role");
const smsRole = (statement = smsTrustStatement(), props: Record<string, unknown> = {}) =>
  res(T.role, "sms-role", { id: "sms-role", name: "sms-role", arn: SMS_ROLE_ARN, ...trust(statement), ...props });
const poolRes = (props: Record<string, unknown> = goodPool(), extra: Partial<StackResourceInput> = {}) =>
  res(T.userPool, "pool", props, extra);
const publish = (policy: unknown = PUBLISH_ONLY, role: unknown = "sms-role", extra: Partial<StackResourceInput> = {}) =>
  res(
    T.rolePolicy,
    "sms-publish",
    { role, policy: typeof policy === "string" ? policy : JSON.stringify(policy) },
    extra,
  );

describe("policy cognito-sms-role-external-id (U13)", () => {
  const check = (resources: StackResourceInput[]) => checkStack(smsRoleExternalId, resources);

  it("passes a pool whose role requires the pool's external id", async () =>
    assertPass(await check([poolRes(), smsRole()])));
  it("fails a role requiring a different external id", async () =>
    assertViolations(await check([poolRes(), smsRole(smsTrustStatement("another-id"))]), 1, "different one"));
  it("fails a role without an external-id condition", async () =>
    assertViolation(await check([poolRes(), smsRole(st("Condition", undefined))]), "without an sts:ExternalId"));
  it("fails a role that does not trust Cognito", async () => {
    assertViolation(
      await check([
        poolRes(),
        smsRole({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sts:AssumeRole" }),
      ]),
      "does not trust",
    );
  });
  it("leaves a pool whose SMS role is not in the stack to cognito-sms-role-outside-stack", async () =>
    assertPass(await check([poolRes()])));
  it("is not applicable when no pool sends SMS", async () =>
    assertNotApplicable(await check([poolRes(withProp(goodPool(), "smsConfiguration", undefined)), smsRole()])));
  it("links the role through smsConfiguration's property dependency when its ARN is unknown", async () => {
    const pool = poolRes(withProp(goodPool(), "smsConfiguration.snsCallerArn", UNKNOWN.string), {
      propertyDependencies: { smsConfiguration: [ROLE_URN] },
    });
    assertPass(await check([pool, smsRole(smsTrustStatement(), { arn: UNKNOWN.string })]));
  });
  it("links the role through plain dependencies alone", async () => {
    const pool = poolRes(withProp(goodPool(), "smsConfiguration.snsCallerArn", UNKNOWN.string), {
      dependencies: [ROLE_URN],
    });
    assertPass(await check([pool, smsRole()]));
  });
  it("cannot decide while the external id it compares is unknown", async () => {
    assertUnknown(
      await check([poolRes(withProp(goodPool(), "smsConfiguration.externalId", UNKNOWN.string)), smsRole()]),
      "smsConfiguration.externalId",
    );
  });
});

describe("policy cognito-sms-role-outside-stack", () => {
  const check = (resources: StackResourceInput[]) => checkStack(smsRoleOutsideStack, resources);

  it("is advisory: a shared role cannot be judged here, which must not block the team", () =>
    assert.strictEqual(smsRoleOutsideStack.enforcementLevel, "advisory"));
  it("reports a pool whose SMS role is not in the stack as cannot judge, naming the argument", async () =>
    assertViolations(
      await check([poolRes()]),
      1,
      "Cannot judge: user pool pool sends SMS through",
      "smsConfiguration.snsCallerArn on aws.cognito.UserPool",
    ));
  it("passes a pool whose role is in the stack", async () => assertPass(await check([poolRes(), smsRole()])));
  it("is not applicable when no pool sends SMS", async () =>
    assertNotApplicable(await check([poolRes(withProp(goodPool(), "smsConfiguration", undefined))])));
});

describe("policy cognito-sms-role-permissions", () => {
  const check = (resources: StackResourceInput[], config?: object) =>
    checkStack(smsRolePermissions, resources, { config });

  it("passes a role whose only policy allows sns:Publish (with a Deny on topics)", async () =>
    assertPass(await check([poolRes(), smsRole(), publish()])));
  it("passes a role with no permissions at all", async () => assertPass(await check([poolRes(), smsRole()])));
  it("fails wildcard actions in a role policy", async () => {
    assertViolations(
      await check([poolRes(), smsRole(), publish(doc({ Effect: "Allow", Action: "sns:*", Resource: "*" }))]),
      1,
      'wildcard action "sns:*"',
    );
    assertViolation(
      await check([poolRes(), smsRole(), publish(doc({ Effect: "Allow", Action: "sns:Pub*", Resource: "*" }))]),
      "sns:Pub*",
    );
  });
  it("fails other actions, also in inline policies on the role", async () => {
    const inline = {
      inlinePolicies: [
        {
          name: "extra",
          policy: JSON.stringify(doc({ Effect: "Allow", Action: ["sns:Publish", "sns:CreateTopic"], Resource: "*" })),
        },
      ],
    };
    assertViolations(
      await check([poolRes(), smsRole(smsTrustStatement(), inline)]),
      1,
      '"sns:CreateTopic"',
      'inline policy "extra"',
    );
  });
  it("fails NotAction grants", async () =>
    assertViolation(
      await check([poolRes(), smsRole(), publish(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }))]),
      "NotAction",
    ));
  it("fails a managed full-access policy, by attachment or on the role", async () => {
    const full = "arn:aws:iam::aws:policy/AmazonSNSFullAccess";
    assertViolation(
      await check([poolRes(), smsRole(), res(T.rolePolicyAttachment, "att", { role: "sms-role", policyArn: full })]),
      "broad managed policy",
    );
    assertViolation(
      await check([poolRes(), smsRole(smsTrustStatement(), { managedPolicyArns: [full] })]),
      "AmazonSNSFullAccess",
    );
  });
  it("fails a managed policy the stack does not define, and checks one it does", async () => {
    const arn = "arn:aws:iam::123456789012:policy/sms";
    assertViolation(
      await check([poolRes(), smsRole(), res(T.rolePolicyAttachment, "att", { role: "sms-role", policyArn: arn })]),
      "does not define",
    );
    const defined = res(T.policy, "sms", {
      arn,
      policy: JSON.stringify(doc({ Effect: "Allow", Action: "sns:*", Resource: "*" })),
    });
    assertViolation(
      await check([
        poolRes(),
        smsRole(),
        defined,
        res(T.rolePolicyAttachment, "att", { role: "sms-role", policyArn: arn }),
      ]),
      '"sns:*" in policy sms',
    );
  });
  it("ignores policies of other roles", async () => {
    assertPass(
      await check([
        poolRes(),
        smsRole(),
        publish(doc({ Effect: "Allow", Action: "*", Resource: "*" }), "another-role"),
      ]),
    );
  });
  it("compares actions without case", async () =>
    assertPass(
      await check([poolRes(), smsRole(), publish(doc({ Effect: "Allow", Action: "SNS:publish", Resource: "*" }))]),
    ));
  it("allowedActions flips an extra action to a pass", async () => {
    const optOut = publish(
      doc({ Effect: "Allow", Action: ["sns:Publish", "sns:CheckIfPhoneNumberIsOptedOut"], Resource: "*" }),
    );
    assertViolation(await check([poolRes(), smsRole(), optOut]), "CheckIfPhoneNumberIsOptedOut");
    assertPass(
      await check([poolRes(), smsRole(), optOut], {
        allowedActions: ["sns:Publish", "sns:CheckIfPhoneNumberIsOptedOut"],
      }),
    );
  });
  it("is not applicable when no pool sends SMS", async () => assertNotApplicable(await check([smsRole(), publish()])));
  it("links a role policy through its role's property dependency during preview", async () => {
    const unknownRole = smsRole(smsTrustStatement(), { id: UNKNOWN.string, name: UNKNOWN.string, arn: UNKNOWN.string });
    const pool = poolRes(withProp(goodPool(), "smsConfiguration.snsCallerArn", UNKNOWN.string), {
      propertyDependencies: { smsConfiguration: [ROLE_URN] },
    });
    const wild = publish(doc({ Effect: "Allow", Action: "*", Resource: "*" }), UNKNOWN.string, {
      propertyDependencies: { role: [ROLE_URN] },
    });
    assertViolation(await check([pool, unknownRole, wild]), 'wildcard action "*"');
  });
  it("cannot decide while the policy document is unknown", async () => {
    assertUnknown(await check([poolRes(), smsRole(), publish(UNKNOWN.string)]), "policy");
  });
  it("reports known grants while the role's inline and managed policies are unknown (a new role in preview), then stays undecided", async () => {
    const fresh = smsRole(smsTrustStatement(), { inlinePolicies: UNKNOWN.string, managedPolicyArns: UNKNOWN.string });
    assertViolationsThenUnknown(
      await check([poolRes(), fresh, publish(doc({ Effect: "Allow", Action: "sns:*", Resource: "*" }))]),
      1,
      "inlinePolicies",
      'wildcard action "sns:*"',
    );
    assertViolationsThenUnknown(await check([poolRes(), fresh, publish()]), 0, "inlinePolicies");
  });
  it("passes a role whose inline policies are the provider's [{}] marker", async () =>
    assertPass(await check([poolRes(), smsRole(smsTrustStatement(), { inlinePolicies: [{}] }), publish()])));
});
