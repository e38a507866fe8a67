import * as assert from "node:assert";
import * as aws from "@pulumi/aws";
import { T } from "../../../policy/rules/types";

const CLASSES: Record<keyof typeof T, object> = {
  userPool: aws.cognito.UserPool,
  userPoolClient: aws.cognito.UserPoolClient,
  managedUserPoolClient: aws.cognito.ManagedUserPoolClient,
  identityProvider: aws.cognito.IdentityProvider,
  riskConfiguration: aws.cognito.RiskConfiguration,
  user: aws.cognito.User,
  identityPool: aws.cognito.IdentityPool,
  identityPoolRoleAttachment: aws.cognito.IdentityPoolRoleAttachment,
  role: aws.iam.Role,
  rolePolicy: aws.iam.RolePolicy,
  rolePolicyAttachment: aws.iam.RolePolicyAttachment,
  policyAttachment: aws.iam.PolicyAttachment,
  policy: aws.iam.Policy,
  webAclAssociation: aws.wafv2.WebAclAssociation,
  lambdaPermission: aws.lambda.Permission,
  logDeliveryConfiguration: aws.cognito.LogDeliveryConfiguration,
};

describe("policy/rules/types", () => {
  for (const [key, token] of Object.entries(T)) {
    it(`${key} is the type token of its @pulumi/aws class`, () => {
      assert.strictEqual(Reflect.get(CLASSES[key as keyof typeof T], "__pulumiType"), token);
    });
  }
});
