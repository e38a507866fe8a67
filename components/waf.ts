import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { WafModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";

type Rule = aws.types.input.wafv2.WebAclRule;
type ScopeDown = aws.types.input.wafv2.WebAclRuleStatementRateBasedStatementScopeDownStatement;

export interface UserPoolWafArgs {
  waf: WafModel;
  /** The pool the web ACL is associated with. */
  userPoolArn: pulumi.Input<string>;
  tags?: Record<string, string>;
  /** Override any child's args or options. @default none */
  transform?: {
    webAcl?: Transform<aws.wafv2.WebAclArgs>;
    association?: Transform<aws.wafv2.WebAclAssociationArgs>;
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    logging?: Transform<aws.wafv2.WebAclLoggingConfigurationArgs>;
  };
}

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * The Cognito operations and hosted-UI paths that sign users in or up. Cognito's API takes every
 * call on `/` and names the operation in `X-Amz-Target`; the hosted UI and managed login use paths.
 */
export const SIGN_IN_TARGETS = [
  "AWSCognitoIdentityProviderService.InitiateAuth",
  "AWSCognitoIdentityProviderService.RespondToAuthChallenge",
  "AWSCognitoIdentityProviderService.SignUp",
  "AWSCognitoIdentityProviderService.ConfirmSignUp",
  "AWSCognitoIdentityProviderService.ForgotPassword",
] as const;
export const SIGN_IN_PATHS = ["/login", "/signup", "/oauth2/token", "/forgotPassword"] as const;

/** Matches a request to any sign-in or sign-up operation or path. */
export function signInScopeDown(): ScopeDown {
  const byTarget = SIGN_IN_TARGETS.map((t) => ({
    byteMatchStatement: {
      fieldToMatch: { singleHeader: { name: "x-amz-target" } },
      positionalConstraint: "EXACTLY",
      searchString: t,
      textTransformations: [{ priority: 0, type: "NONE" }],
    },
  }));
  const byPath = SIGN_IN_PATHS.map((p) => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: "STARTS_WITH",
      searchString: p,
      textTransformations: [{ priority: 0, type: "LOWERCASE" }],
    },
  }));
  return { orStatement: { statements: [...byTarget, ...byPath] } } as ScopeDown;
}

/** The web ACL's rules, in evaluation order; priorities are unique by construction (their index). */
export function wafRules(w: WafModel): Rule[] {
  const managed = (name: string, vendorRule: string, config?: Rule["statement"]): Rule => ({
    name,
    priority: 0,
    overrideAction: w.countOnly ? { count: {} } : { none: {} },
    statement: config ?? { managedRuleGroupStatement: { vendorName: "AWS", name: vendorRule } },
    visibilityConfig: visibility(`${w.name}-${name}`),
  });
  const rules: Rule[] = [
    {
      name: "sign-in-rate-limit",
      priority: 0,
      action: w.countOnly ? { count: {} } : { block: {} },
      statement: {
        rateBasedStatement: {
          limit: w.rateLimit,
          evaluationWindowSec: w.rateLimitWindowSeconds,
          aggregateKeyType: "IP",
          scopeDownStatement: signInScopeDown(),
        },
      },
      visibilityConfig: visibility(`${w.name}-sign-in-rate-limit`),
    },
    managed("ip-reputation", "AWSManagedRulesAmazonIpReputationList"),
    managed("known-bad-inputs", "AWSManagedRulesKnownBadInputsRuleSet"),
    managed("common", "AWSManagedRulesCommonRuleSet"),
  ];
  if (w.accountTakeoverPrevention)
    rules.push(
      managed("account-takeover-prevention", "AWSManagedRulesATPRuleSet", {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: "AWSManagedRulesATPRuleSet",
          managedRuleGroupConfigs: [
            {
              awsManagedRulesAtpRuleSet: {
                loginPath: "/login",
                requestInspection: {
                  payloadType: "FORM_ENCODED",
                  usernameField: { identifier: "username" },
                  passwordField: { identifier: "password" },
                },
              },
            },
          ],
        },
      }),
    );
  if (w.accountCreationFraudPrevention)
    rules.push(
      managed("account-creation-fraud-prevention", "AWSManagedRulesACFPRuleSet", {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: "AWSManagedRulesACFPRuleSet",
          managedRuleGroupConfigs: [
            {
              awsManagedRulesAcfpRuleSet: {
                creationPath: "/signup",
                registrationPagePath: "/signup",
                requestInspection: {
                  payloadType: "FORM_ENCODED",
                  usernameField: { identifier: "username" },
                  passwordField: { identifier: "password" },
                  emailField: { identifier: "email" },
                },
              },
            },
          ],
        },
      }),
    );
  return rules.map((r, i) => ({ ...r, priority: i }));
}

/**
 * A REGIONAL web ACL in front of the user pool (Cognito accepts only REGIONAL ACLs, in the pool's
 * region), its association with the pool, and optional request logging to CloudWatch Logs.
 */
export class UserPoolWaf extends pulumi.ComponentResource {
  readonly webAcl: aws.wafv2.WebAcl;
  readonly association: aws.wafv2.WebAclAssociation;
  readonly logGroup?: aws.cloudwatch.LogGroup;
  readonly logging?: aws.wafv2.WebAclLoggingConfiguration;

  constructor(name: string, args: UserPoolWafArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:UserPoolWaf", name, {}, opts);
    const w = args.waf;
    const t = args.transform ?? {};
    this.webAcl = new aws.wafv2.WebAcl(
      ...applyTransform(
        t.webAcl,
        `${name}-web-acl`,
        {
          name: w.name,
          description: "Rate limits and filters requests to the Cognito user pool",
          scope: "REGIONAL",
          defaultAction: { allow: {} },
          rules: wafRules(w),
          visibilityConfig: visibility(w.name),
          tags: args.tags,
        },
        { parent: this },
      ),
    );
    this.association = new aws.wafv2.WebAclAssociation(
      ...applyTransform(
        t.association,
        `${name}-association`,
        { resourceArn: args.userPoolArn, webAclArn: this.webAcl.arn },
        { parent: this },
      ),
    );
    if (w.logging) {
      this.logGroup = new aws.cloudwatch.LogGroup(
        ...applyTransform(
          t.logGroup,
          `${name}-log-group`,
          { name: w.logging.logGroupName, retentionInDays: w.logging.retentionInDays, tags: args.tags },
          { parent: this },
        ),
      );
      this.logging = new aws.wafv2.WebAclLoggingConfiguration(
        ...applyTransform(
          t.logging,
          `${name}-logging`,
          {
            resourceArn: this.webAcl.arn,
            logDestinationConfigs: [this.logGroup.arn],
            // Never log what would let a log reader sign in: credentials, the managed-login session cookie,
            // and the authorization code and state that /oauth2/* carry in the query string.
            redactedFields: [
              { singleHeader: { name: "authorization" } },
              { singleHeader: { name: "cookie" } },
              { queryString: {} },
            ],
          },
          { parent: this },
        ),
      );
    }
    this.registerOutputs({ webAclArn: this.webAcl.arn, logGroupName: this.logGroup?.name });
  }
}
